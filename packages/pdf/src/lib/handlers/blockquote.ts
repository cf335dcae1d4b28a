import type { Blockquote } from 'mdast'
import type { State } from '../state.js'

/** A block quote: indented with a rule beside it. */
export function blockquote(state: State, node: Blockquote): void {
  state.open('BlockQuote')
  const rtl = state.direction === 'rtl'
  const ruleX = rtl ? state.frame.left + state.frame.width - 4 : state.frame.left + 4
  state.rules.push(ruleX - state.page.columnBox.left)
  state.indented(rtl ? 0 : 18, rtl ? 18 : 0, () => state.all(node))
  state.rules.pop()
  state.close()
}
