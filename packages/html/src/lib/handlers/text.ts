import type { Text as HastText } from 'hast'
import type { Text } from 'mdast'
import type { State } from '../types.js'

/** Text as is (escaped and cleaned of control characters later). */
export function text(state: State, node: Text): HastText {
  return state.patch(node, { type: 'text', value: node.value })
}
