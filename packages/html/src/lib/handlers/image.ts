import type { ElementContent } from 'hast'
import type { Image } from 'mdast'
import { imageElement } from '../image-element.js'
import type { State } from '../types.js'

/** `![alt](src "title")` -> `<img src alt title/>` from `article.images`, or a placeholder. */
export function image(state: State, node: Image): ElementContent {
  return imageElement(state, node, node.url, node.alt ?? '', node.title)
}
