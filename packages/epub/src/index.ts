export { renderEpub } from './lib/render-epub.js'
export type { CoverMode, EpubLabels, EpubMessage, EpubOptions } from './lib/types.js'
