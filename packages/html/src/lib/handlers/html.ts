import type { Html } from 'mdast'
import type { State } from '../types.js'

/** Raw HTML is never written: dropped, with a message. */
export function html(state: State, node: Html): undefined {
  state.message('Raw HTML dropped', node, 'raw-html', undefined)
  return undefined
}
