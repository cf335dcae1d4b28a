import type { Yaml } from 'mdast'
import type { State } from '../types.js'

/** Frontmatter is metadata, never body text (the reader removes it anyway). */
export function yaml(_state: State, _node: Yaml): undefined {
  return undefined
}
