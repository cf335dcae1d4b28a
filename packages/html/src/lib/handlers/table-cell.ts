import type { Element } from 'hast'
import type { TableCell } from 'mdast'
import type { State } from '../types.js'

/** A table cell -> `<td>` (the row makes header cells `<th>`). */
export function tableCell(state: State, node: TableCell): Element {
  return state.patch(node, {
    type: 'element',
    tagName: 'td',
    properties: {},
    children: state.all(node),
  })
}
