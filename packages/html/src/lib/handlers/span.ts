import type { Span } from '@pressroom/article'
import type { Element, ElementContent } from 'hast'
import type { State } from '../types.js'

/** `:span[text]{lang=ar}` -> `<span lang="ar" dir="rtl">` (attributes only when it differs). */
export function span(state: State, node: Span): Element | ElementContent[] {
  const { properties, result } = state.inLanguage(node.lang, node.dir, () => state.all(node))
  return state.patch(node, { type: 'element', tagName: 'span', properties, children: result })
}
