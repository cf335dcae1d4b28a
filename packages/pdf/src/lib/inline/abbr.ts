import type { Abbr } from '@pressroom/article'
import type { InlineHandler } from '../state.js'

/** The author's `<abbr title>`: its text as it stands (the expansion is not printed). */
export const abbr: InlineHandler = (state, node: Abbr, style) => state.runs(node.children, style)
