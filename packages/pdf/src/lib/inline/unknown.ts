import type { PhrasingContent } from 'mdast'
import { toString as mdastToString } from 'mdast-util-to-string'
import type { InlineHandler } from '../state.js'

/** An inline node without a handler: reported, and its text still printed. */
export const unknown: InlineHandler = (state, node: PhrasingContent, style) => {
  state.warn(`Unknown inline node \`${node.type}\`: printed as plain text`, node, 'unknown-node')
  return [{ text: mdastToString(node), style }]
}
