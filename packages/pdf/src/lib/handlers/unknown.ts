import type { Nodes } from 'mdast'
import { toString as mdastToString } from 'mdast-util-to-string'
import type { State } from '../state.js'

/** A node type without a handler: reported, and its text still printed. */
export function unknown(state: State, node: Nodes): void {
  state.warn(`Unknown node \`${node.type}\`: printed as plain text`, node, 'unknown-node')
  const text = mdastToString(node)
  if (!text.trim()) return
  state.paragraph([{ text, style: state.baseStyle() }], {
    tag: 'P',
    spaceAfter: state.options.fontSize * state.options.paragraphSpace,
  })
}
