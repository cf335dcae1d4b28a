import type { Link } from 'mdast'
import type { InlineHandler } from '../state.js'

/** A link: its text in the link colour, one Link element and annotation per link
 * (a GoTo to the heading's named destination for an in-page `#id`). A URL the toolkit's policy
 * refuses (`javascript:`, `data:` ...) is dropped, reported: its text is printed as text. */
export const link: InlineHandler = (state, node: Link, style) =>
  state.runs(node.children, { ...style, ...state.linkStyle(node.url, node) })
