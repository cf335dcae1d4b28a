import type { PullQuote } from '@pressroom/article'
import type { Element, ElementContent } from 'hast'
import type { State } from '../types.js'

/**
 * `:::pullquote` -> `<aside role="doc-pullquote" class="pullquote">` with its
 * paragraphs and `<p class="attribution">— Name</p>`; `lang`/`dir` when its
 * language differs.
 */
export function pullquote(state: State, node: PullQuote): Element {
  const { properties, result } = state.inLanguage(node.lang, node.dir, () => {
    const children: ElementContent[] = state.all(node)
    if (node.attribution) {
      children.push({
        type: 'element',
        tagName: 'p',
        properties: { className: ['attribution'] },
        children: [{ type: 'text', value: `— ${node.attribution}` }],
      })
    }
    return children
  })
  return state.patch(node, {
    type: 'element',
    tagName: 'aside',
    properties: { role: 'doc-pullquote', className: ['pullquote'], ...properties },
    children: state.wrap(result, true),
  })
}
