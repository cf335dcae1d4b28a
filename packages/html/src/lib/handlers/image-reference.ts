import type { ElementContent } from 'hast'
import type { ImageReference } from 'mdast'
import { imageElement } from '../image-element.js'
import type { State } from '../types.js'

/** `![alt][id]` -> the image its definition names; undefined: the text `![alt][id]`. */
export function imageReference(state: State, node: ImageReference): ElementContent {
  const definition = state.definitionById.get(String(node.identifier).toUpperCase())
  if (!definition) {
    state.message(
      `Image reference \`${node.label ?? node.identifier}\` is not defined`,
      node,
      'undefined-reference',
    )
    const suffix =
      node.referenceType === 'full'
        ? `[${node.label ?? node.identifier}]`
        : node.referenceType === 'collapsed'
          ? '[]'
          : ''
    return state.patch(node, { type: 'text', value: `![${node.alt ?? ''}]${suffix}` })
  }
  return imageElement(state, node, definition.url, node.alt ?? '', definition.title)
}
