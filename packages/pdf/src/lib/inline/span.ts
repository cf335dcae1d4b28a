import type { Span } from '@pressroom/article'
import type { InlineHandler } from '../state.js'

/** A phrase in another language: its runs (bidi and faces follow the characters). */
export const span: InlineHandler = (state, node: Span, style) => state.runs(node.children, style)
