import type { ElementContent } from 'hast'
import type { Break } from 'mdast'
import type { State } from '../types.js'

/** Hard break -> `<br/>` and a line ending. */
export function hardBreak(state: State, node: Break): ElementContent[] {
  return [
    state.patch(node, { type: 'element', tagName: 'br', properties: {}, children: [] }),
    { type: 'text', value: '\n' },
  ]
}
