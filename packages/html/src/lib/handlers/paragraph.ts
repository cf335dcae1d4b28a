import type { Element } from 'hast'
import type { Paragraph } from 'mdast'
import type { State } from '../types.js'

/** A paragraph -> `<p>`. */
export function paragraph(state: State, node: Paragraph): Element {
  return state.patch(node, {
    type: 'element',
    tagName: 'p',
    properties: {},
    children: state.all(node),
  })
}
