import type { FigureCaption } from '@pressroom/article'
import type { Element } from 'hast'
import type { State } from '../types.js'

/** A figure's caption -> `<figcaption>` (the figure adds the credit). */
export function figureCaption(state: State, node: FigureCaption): Element {
  return state.patch(node, {
    type: 'element',
    tagName: 'figcaption',
    properties: {},
    children: state.all(node),
  })
}
