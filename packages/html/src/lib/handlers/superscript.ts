import type { Superscript } from '@pressroom/article'
import type { Element } from 'hast'
import type { State } from '../types.js'

/** `superscript` (the author's `<sup>`) -> `<sup>`. */
export function superscript(state: State, node: Superscript): Element {
  return state.patch(node, {
    type: 'element',
    tagName: 'sup',
    properties: {},
    children: state.all(node),
  })
}
