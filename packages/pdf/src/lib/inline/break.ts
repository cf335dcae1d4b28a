import type { InlineHandler } from '../state.js'
import { lineBreak } from '../typeset.js'

/** A hard line break: the line ends there (typeset.ts sets it like a paragraph's end). */
export const breakHandler: InlineHandler = (_state, _node, style) => [{ text: lineBreak, style }]
