import type { State } from '../state.js'

/** Raw HTML is dropped (the reader already warned about it). */
export function html(_state: State): void {}
