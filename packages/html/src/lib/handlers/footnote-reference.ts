import { slug } from 'github-slugger'
import type { ElementContent } from 'hast'
import type { FootnoteReference } from 'mdast'
import type { State } from '../types.js'

/**
 * `[^label]` -> `<a href="#fn-label" id="fnref-label" role="doc-noteref"><sup>1</sup></a>`
 * (with `epub:type="noteref"` for EPUB). Notes are numbered in order of first
 * reference; each reference gets its own id. Undefined: the text `[^label]` (the
 * reader reported it).
 */
export function footnoteReference(state: State, node: FootnoteReference): ElementContent {
  const identifier = node.identifier
  const label = node.label ?? node.identifier
  if (!state.footnoteById.has(identifier)) {
    // The reader reported it (`undefined-footnote`): written as the text it was.
    return state.patch(node, { type: 'text', value: `[^${label}]` })
  }
  let index = state.footnoteOrder.indexOf(identifier)
  if (index === -1) {
    index = state.footnoteOrder.push(identifier) - 1
  }
  const key = slug(label) || String(index + 1)
  let references = state.footnoteReferences.get(identifier)
  if (!references) {
    references = []
    state.footnoteReferences.set(identifier, references)
    state.footnoteIds.set(identifier, state.uniqueId(`fn-${key}`))
  }
  const id = state.uniqueId(
    `fnref-${key}${references.length > 0 ? `-${references.length + 1}` : ''}`,
  )
  references.push(id)
  const properties: Record<string, string> = {
    href: `#${state.footnoteIds.get(identifier)}`,
    id,
  }
  if (state.options.flavor === 'epub') properties['epub:type'] = 'noteref'
  properties.role = 'doc-noteref'
  return state.patch(node, {
    type: 'element',
    tagName: 'a',
    properties,
    children: [
      {
        type: 'element',
        tagName: 'sup',
        properties: {},
        children: [{ type: 'text', value: String(index + 1) }],
      },
    ],
  })
}
