import type { Paragraph } from 'mdast'
import type { State } from '../state.js'
import { figureFromImage } from './figure.js'

/** A paragraph: justified, hyphenated body text. A paragraph holding only an image is a figure. */
export function paragraph(state: State, node: Paragraph): void {
  const meaningful = node.children.filter((c) => !(c.type === 'text' && !c.value.trim()))
  if (meaningful.length === 1 && meaningful[0].type === 'image') {
    figureFromImage(state, meaningful[0], undefined, undefined)
    return
  }
  state.paragraph(state.runs(node.children, state.baseStyle()), {
    tag: 'P',
    spaceAfter: state.options.fontSize * 0.6,
  })
}
