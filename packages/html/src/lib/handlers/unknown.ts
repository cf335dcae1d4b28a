import type { ElementContent } from 'hast'
import type { Nodes, Parents } from 'mdast'
import { phrasing } from 'mdast-util-phrasing'
import { toString as mdastToString } from 'mdast-util-to-string'
import type { Node } from 'unist'
import type { State } from '../types.js'

const flowParents = new Set([
  'root',
  'blockquote',
  'listItem',
  'footnoteDefinition',
  'aside',
  'pullquote',
  'containerDirective',
])

/**
 * A node type without a handler: reported (`unknown-node`), and its content
 * kept: its children rendered (in a `<p>` when they are phrasing content in a
 * block position), or its `value` as text. Never silently dropped.
 */
export function unknown(state: State, node: Node, parent: Parents | undefined): ElementContent[] {
  state.message(`Unknown node type \`${node.type}\`: rendered as its content`, node, 'unknown-node')
  const children = (node as Partial<Parents>).children
  const block = parent === undefined || flowParents.has(parent.type)
  if (Array.isArray(children)) {
    const rendered = state.all(node as Parents)
    if (block && children.every((child) => phrasing(child))) {
      return rendered.length > 0
        ? [state.patch(node, { type: 'element', tagName: 'p', properties: {}, children: rendered })]
        : []
    }
    return rendered
  }
  const value = mdastToString(node as Nodes)
  if (!value) return []
  const text: ElementContent = state.patch(node, { type: 'text', value })
  return block
    ? [state.patch(node, { type: 'element', tagName: 'p', properties: {}, children: [text] })]
    : [text]
}
