import type { InlineCode } from 'mdast'
import type { InlineHandler } from '../state.js'

/** Inline code: monospace, a little smaller, never hyphenated. */
export const inlineCode: InlineHandler = (_state, node: InlineCode, style) => [
  { text: node.value, style: { ...style, font: 'mono', size: style.size * 0.88, noHyphen: true } },
]
