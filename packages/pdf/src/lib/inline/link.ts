import type { Link } from 'mdast'
import { colors, type InlineHandler } from '../state.js'

/** A link: its text in the link colour, one Link element and annotation per link
 * (a GoTo to the heading's named destination for an in-page `#id`). */
export const link: InlineHandler = (state, node: Link, style) =>
  state.runs(node.children, {
    ...style,
    ...state.linkStyle(node.url),
    color: colors.link,
  })
