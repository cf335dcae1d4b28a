export { hastToXhtml } from './lib/document.js'
export { escapeXml } from './lib/escape.js'
export { defaultHandlers } from './lib/handlers/index.js'
export { phrasingToHast, phrasingToXhtml, toXhtml } from './lib/index.js'
export { defaultLabels } from './lib/labels.js'
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
