import type { Emphasis } from 'mdast'
import { type InlineHandler, italic } from '../state.js'

/** Emphasis: the italic of the current face. */
export const emphasis: InlineHandler = (state, node: Emphasis, style) =>
  state.runs(node.children, { ...style, font: italic(style.font) })
