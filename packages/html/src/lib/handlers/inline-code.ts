import type { Element } from 'hast'
import type { InlineCode } from 'mdast'
import type { State } from '../types.js'

/** `` `code` `` -> `<code>`. */
export function inlineCode(state: State, node: InlineCode): Element {
  return state.patch(node, {
    type: 'element',
    tagName: 'code',
    properties: {},
    children: [state.patch(node, { type: 'text', value: node.value.replace(/\r?\n|\r/g, ' ') })],
  })
}
