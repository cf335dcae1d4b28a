import type { Root } from 'mdast'
import type { State } from '../state.js'

/** The body: every block in order. */
export function root(state: State, node: Root): void {
  state.all(node)
}
