import type { Element } from 'hast'
import type { ThematicBreak } from 'mdast'
import type { State } from '../types.js'

/** `***` -> `<hr/>`. */
export function thematicBreak(state: State, node: ThematicBreak): Element {
  return state.patch(node, { type: 'element', tagName: 'hr', properties: {}, children: [] })
}
