import { cleanText } from '@pressroom/toolkit'
import { slug } from 'github-slugger'
import type { Element } from 'hast'
import type { Heading } from 'mdast'
import { toString as mdastToString } from 'mdast-util-to-string'
import type { State } from '../types.js'

/**
 * `## Title` -> `<h2 id="title">` (the id the reader decided, `node.data.id`) (depth + `headingOffset`, at most 6), the id
 * slugged from the text (github-slugger), unique in the fragment; listed in
 * `headings`.
 */
export function heading(state: State, node: Heading): Element {
  const depth = Math.min(6, Math.max(1, node.depth + state.options.headingOffset))
  const text = cleanText(mdastToString(node))
  // The reader decides the id (`{#id}` or GitHub's slug); older trees without one get the slug.
  const id = state.uniqueId(node.data?.id || slug(text) || 'section')
  state.headings.push({ depth, text, id })
  return state.patch(node, {
    type: 'element',
    tagName: `h${depth}`,
    properties: { id },
    children: state.all(node),
  })
}
