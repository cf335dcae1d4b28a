import type { Element, ElementContent } from 'hast'
import type { Table } from 'mdast'
import type { State } from '../types.js'

/** GFM table -> `<table><thead>` (first row) `<tbody>` (the rest). */
export function table(state: State, node: Table): Element {
  const [head, ...body] = node.children
  const children: ElementContent[] = []
  if (head) {
    children.push({
      type: 'element',
      tagName: 'thead',
      properties: {},
      children: state.wrap(state.one(head, node), true),
    })
  }
  if (body.length > 0) {
    const rows: ElementContent[] = []
    for (const row of body) rows.push(...state.one(row, node))
    children.push({
      type: 'element',
      tagName: 'tbody',
      properties: {},
      children: state.wrap(rows, true),
    })
  }
  return state.patch(node, {
    type: 'element',
    tagName: 'table',
    properties: {},
    children: state.wrap(children, true),
  })
}
