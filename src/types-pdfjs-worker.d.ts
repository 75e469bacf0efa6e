// pdf.js's worker code, imported for its side effects only (see src/ingest/pdf/extract/pdfjs.ts).
declare module 'pdfjs-dist/legacy/build/pdf.worker.mjs'
