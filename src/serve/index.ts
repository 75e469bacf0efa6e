/** `docmend serve` as a library: start the page's server yourself. */
export { startServer, type RunningServer, type ServeOptions } from './server.js'
export { SERVE_DEFAULTS } from './defaults.js'
export { previewDocument, type Preview, type TablePreview } from '../preview.js'
