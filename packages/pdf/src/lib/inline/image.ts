import type { Image, ImageReference } from 'mdast'
import { type InlineHandler, italic } from '../state.js'

/** An image inside a line of text (a lone one is a figure: handlers/paragraph.ts): its alt text. */
export const image: InlineHandler = (_state, node: Image | ImageReference, style) =>
  node.alt ? [{ text: node.alt, style: { ...style, font: italic(style.font) } }] : []
