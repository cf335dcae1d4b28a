import type { Definition } from 'mdast'
import type { State } from '../types.js'

/** `[id]: url` writes nothing: link and image references are resolved with it. */
export function definition(_state: State, _node: Definition): undefined {
  return undefined
}
