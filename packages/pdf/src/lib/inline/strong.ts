import type { Strong } from 'mdast'
import { bold, type InlineHandler } from '../state.js'

/** Strong: the bold of the current face. */
export const strong: InlineHandler = (state, node: Strong, style) =>
  state.runs(node.children, { ...style, font: bold(style.font) })
