import type { Delete } from 'mdast'
import type { InlineHandler } from '../state.js'

/** Strikethrough (`~~text~~`): drawn with a rule through it (draw.ts). */
export const deleteHandler: InlineHandler = (state, node: Delete, style) =>
  state.runs(node.children, { ...style, strike: true })
