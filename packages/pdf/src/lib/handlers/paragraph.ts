import type { Image, Paragraph, Parent } from 'mdast'
import { isAttribution } from '../keep.js'
import type { State } from '../state.js'
import { figureFromImage } from './figure.js'

/**
 * A paragraph: justified, hyphenated body text. The reader decides what is a figure (an image with
 * a title, a `:::figure`: `figure` nodes); a paragraph holding only an image stays a paragraph, as
 * in the XHTML (`<p><img/></p>`): the image drawn at the column's width, tagged `P > Figure` with
 * its alt text, no caption (its title is not one).
 */
export function paragraph(state: State, node: Paragraph, parent?: Parent): void {
  const meaningful = node.children.filter((c) => !(c.type === 'text' && !c.value.trim()))
  const only = meaningful.length === 1 ? meaningful[0] : undefined
  if (only?.type === 'image') {
    imageParagraph(state, only)
    return
  }
  // `![alt][ref]` alone: the image its definition gives, like `![alt](url)`.
  if (only?.type === 'imageReference') {
    const definition = state.definition(only.identifier)
    if (definition) {
      imageParagraph(state, { url: definition.url, alt: only.alt ?? '', position: only.position })
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

function imageParagraph(state: State, image: Pick<Image, 'url' | 'alt' | 'position'>): void {
  figureFromImage(state, { ...image, title: null }, undefined, undefined, { paragraph: true })
}
