import type { Paragraph, Parent } from 'mdast'
import { isAttribution } from '../keep.js'
import type { State } from '../state.js'
import { figureFromImage } from './figure.js'

/** A paragraph: justified, hyphenated body text. A paragraph holding only an image is a figure. */
export function paragraph(state: State, node: Paragraph, parent?: Parent): void {
  const meaningful = node.children.filter((c) => !(c.type === 'text' && !c.value.trim()))
  if (meaningful.length === 1 && meaningful[0].type === 'image') {
    figureFromImage(state, meaningful[0], undefined, undefined)
    return
  }
  // `![alt][ref]` alone: the image its definition gives, like `![alt](url "title")`.
  const only = meaningful[0]
  if (meaningful.length === 1 && only.type === 'imageReference') {
    const definition = state.definition(only.identifier)
    if (definition) {
      figureFromImage(
        state,
        {
          url: definition.url,
          alt: only.alt ?? '',
          title: definition.title,
          position: only.position,
        },
        undefined,
        undefined,
      )
      return
    }
  }
  const keepWithNext = state.keepAfter(node)
  // A quote's attribution never splits (and its quote's last lines keep with it: keep.ts).
  const attribution = parent?.type === 'blockquote' && isAttribution(node)
  state.paragraph(state.runs(node.children, state.baseStyle()), {
    tag: 'P',
    spaceAfter: state.options.fontSize * state.options.paragraphSpace,
    keepWithNext,
    keepTogether: attribution,
  })
}
