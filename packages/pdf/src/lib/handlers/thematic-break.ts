import type { State } from '../state.js'

/** A thematic break: a short centred rule (artifact). */
export function thematicBreak(state: State): void {
  state.ensure(24)
  state.y += 10
  const length = 60
  state.rule(state.y, 0.6, undefined, state.frame.left + (state.frame.width - length) / 2, length)
  state.y += 14
}
