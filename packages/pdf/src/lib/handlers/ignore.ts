import type { State } from '../state.js'

/** Nodes with nothing to print here (definitions; footnote definitions go to the foot of the page). */
export function ignore(_state: State): void {}
