/** `@pressroom/toolkit`'s `labelsFor`, under this package's old name. */
export { labelsFor as webLabels } from '@pressroom/toolkit'
export { compareWebIndexEntries, renderWebIndex } from './lib/index-page.js'
export { renderWebPage, toWebIndexEntry } from './lib/page.js'
export { renderRedirectPage } from './lib/redirect.js'
export { defaultStylesheet } from './lib/stylesheet.js'
export type {
  WebIndexEntry,
  WebIndexOptions,
  WebLabels,
  WebPageOptions,
} from './lib/types.js'
