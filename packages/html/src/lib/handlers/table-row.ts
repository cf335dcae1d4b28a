import type { Element, ElementContent } from 'hast'
import type { Parents, TableRow } from 'mdast'
import type { State } from '../types.js'

/**
 * A table row -> `<tr>`; in the first row cells are `<th scope="col">`.
 * Alignment becomes `class="align-left|center|right"` (never `style`);
 * short rows are padded with empty cells.
 */
export function tableRow(state: State, node: TableRow, parent: Parents | undefined): Element {
  const table = parent && parent.type === 'table' ? parent : undefined
  const header = table ? table.children[0] === node : false
  const align = table?.align ?? []
  const width = Math.max(
    align.length,
    table?.children[0]?.children.length ?? 0,
    node.children.length,
  )
  const cells: ElementContent[] = []
  for (let index = 0; index < width; index++) {
    const cell = node.children[index]
    const rendered = cell ? state.one(cell, node) : []
    let element = rendered.find((item): item is Element => item.type === 'element')
    if (!element) {
      element = { type: 'element', tagName: 'td', properties: {}, children: rendered }
    }
    if (header) {
      element.tagName = 'th'
      element.properties.scope = 'col'
    }
    const alignment = align[index]
    if (alignment) element.properties.className = [`align-${alignment}`]
    cells.push(element)
  }
  return state.patch(node, {
    type: 'element',
    tagName: 'tr',
    properties: {},
    children: state.wrap(cells, true),
  })
}
