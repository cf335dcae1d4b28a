import type { Element } from 'hast'
import type { Delete } from 'mdast'
import type { State } from '../types.js'

/** `~~gone~~` -> `<del>`. */
export function strikethrough(state: State, node: Delete): Element {
  return state.patch(node, {
    type: 'element',
    tagName: 'del',
    properties: {},
    children: state.all(node),
  })
}
