import type { ElementContent } from 'hast'
import type { ImageReference } from 'mdast'
import { imageElement } from '../image-element.js'
import type { State } from '../types.js'
import { undefinedReference } from '../undefined-reference.js'

/** `![alt][id]` -> the image its definition names; undefined: the text `![alt][id]`. */
export function imageReference(state: State, node: ImageReference): ElementContent {
  const definition = state.definitionById.get(String(node.identifier).toUpperCase())
  if (!definition) {
    const suffix = undefinedReference(state, node)
    return state.patch(node, { type: 'text', value: `![${node.alt ?? ''}]${suffix}` })
  }
  return imageElement(state, node, definition.url, node.alt ?? '', definition.title)
}
