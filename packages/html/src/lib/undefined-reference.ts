import type { ImageReference, LinkReference } from 'mdast'
import type { State } from './types.js'

/**
 * A reference whose definition is missing: report it, and return what follows
 * the bracketed text as written (`[id]`, `[]` or nothing), so the source reads back.
 */
export function undefinedReference(state: State, node: ImageReference | LinkReference): string {
  const what = node.type === 'imageReference' ? 'Image' : 'Link'
  state.message(
    `${what} reference \`${node.label ?? node.identifier}\` is not defined`,
    node,
    'undefined-reference',
  )
  if (node.referenceType === 'full') return `[${node.label ?? node.identifier}]`
  return node.referenceType === 'collapsed' ? '[]' : ''
}
