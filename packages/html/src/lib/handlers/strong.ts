import type { Element } from 'hast'
import type { Strong } from 'mdast'
import type { State } from '../types.js'

/** `**importance**` -> `<strong>`. */
export function strong(state: State, node: Strong): Element {
  return state.patch(node, {
    type: 'element',
    tagName: 'strong',
    properties: {},
    children: state.all(node),
  })
}
