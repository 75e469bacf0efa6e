/** `docmend serve` as a library: start the page's server yourself. */
export { SERVE_DEFAULTS, startServer, type RunningServer, type ServeOptions } from './server.js'
export { previewDocument, type Preview, type TablePreview } from './preview.js'
