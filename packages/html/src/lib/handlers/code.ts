import type { Element } from 'hast'
import type { Code } from 'mdast'
import type { State } from '../types.js'

/** Fenced or indented code -> `<pre><code class="language-x">`. */
export function code(state: State, node: Code): Element {
  const language = node.lang ? node.lang.split(/\s+/)[0].replace(/[^\p{L}\p{N}_+#.-]/gu, '') : ''
  const properties: Element['properties'] = language ? { className: [`language-${language}`] } : {}
  const value = node.value ? `${node.value}\n` : ''
  return state.patch(node, {
    type: 'element',
    tagName: 'pre',
    properties: {},
    children: [
      state.patch(node, {
        type: 'element',
        tagName: 'code',
        properties,
        children: [{ type: 'text', value }],
      }),
    ],
  })
}
