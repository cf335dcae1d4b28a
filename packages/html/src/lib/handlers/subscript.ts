import type { Subscript } from '@pressroom/article'
import type { Element } from 'hast'
import type { State } from '../types.js'

/** `subscript` (the author's `<sub>`) -> `<sub>`. */
export function subscript(state: State, node: Subscript): Element {
  return state.patch(node, {
    type: 'element',
    tagName: 'sub',
    properties: {},
    children: state.all(node),
  })
}
