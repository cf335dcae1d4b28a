import type { FootnoteReference } from 'mdast'
import type { InlineHandler } from '../state.js'

/** A footnote citation: its number raised; the line carries the label so the note is placed. */
export const footnoteReference: InlineHandler = (state, node: FootnoteReference, style) => {
  const number = state.notes.number(node.identifier)
  if (!state.notes.has(node.identifier))
    state.warn(`Footnote \`${node.identifier}\` has no definition`, node, 'footnote-undefined')
  return [
    {
      text: String(number),
      style: {
        ...style,
        size: style.size * 0.62,
        rise: style.size * 0.38,
        noteRef: node.identifier,
        noHyphen: true,
      },
    },
  ]
}
