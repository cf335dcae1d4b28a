import type { Link } from 'mdast'
import { colors, type InlineHandler } from '../state.js'

/** A link: its text in the link colour, one Link element and annotation per link. */
export const link: InlineHandler = (state, node: Link, style) =>
  state.runs(node.children, {
    ...style,
    link: node.url,
    linkId: state.nextLinkId(),
    color: colors.link,
  })
