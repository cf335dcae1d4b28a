import type { ElementContent } from 'hast'
import type { Root } from 'mdast'
import type { State } from '../types.js'

/** The body: its blocks, one per line. */
export function root(state: State, node: Root): ElementContent[] {
  return state.all(node)
}
