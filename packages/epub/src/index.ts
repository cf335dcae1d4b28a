export { type EpubConfigMessage, epubConfigOptions } from './lib/config.js'
export { renderEpub } from './lib/render-epub.js'
export type {
  CoverCache,
  CoverMode,
  CoverSize,
  EpubLabels,
  EpubMessage,
  EpubOptions,
} from './lib/types.js'
