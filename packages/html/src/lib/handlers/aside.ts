import type { Aside } from '@pressroom/article'
import type { Element, ElementContent } from 'hast'
import type { State } from '../types.js'

/**
 * `:::aside[Title]` -> `<aside class="aside">` with
 * `<p class="aside-title"><strong>Title</strong></p>` (a paragraph, not a
 * heading, so the outline of the article is left alone).
 */
export function aside(state: State, node: Aside): Element {
  const { properties, result } = state.inLanguage(node.lang, node.dir, () => {
    const children: ElementContent[] = []
    if (node.label) {
      children.push({
        type: 'element',
        tagName: 'p',
        properties: { className: ['aside-title'] },
        children: [
          {
            type: 'element',
            tagName: 'strong',
            properties: {},
            children: [{ type: 'text', value: node.label }],
          },
        ],
      })
    }
    children.push(...state.all(node))
    return children
  })
  return state.patch(node, {
    type: 'element',
    tagName: 'aside',
    properties: { className: ['aside'], ...properties },
    children: state.wrap(result, true),
  })
}
