/** The one XML/HTML escaper, `@pressroom/toolkit`'s (re-exported for this package's API). */
export { escapeXml } from '@pressroom/toolkit'
export { hastToXhtml } from './lib/document.js'
export { defaultHandlers } from './lib/handlers/index.js'
export { phrasingToHast, phrasingToXhtml, toXhtml } from './lib/index.js'
export { defaultLabels } from './lib/state.js'
export type {
  Handler,
  HandlerResult,
  Handlers,
  Labels,
  State,
  TocHeading,
  XhtmlOptions,
  XhtmlResult,
} from './lib/types.js'
