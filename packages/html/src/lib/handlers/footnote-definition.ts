import type { FootnoteDefinition } from 'mdast'
import type { State } from '../types.js'

/** Footnote definitions are written in the notes after the body, not in place. */
export function footnoteDefinition(_state: State, _node: FootnoteDefinition): undefined {
  return undefined
}
