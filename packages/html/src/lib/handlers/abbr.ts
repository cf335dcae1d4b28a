import type { Abbr } from '@pressroom/article'
import type { Element } from 'hast'
import type { State } from '../types.js'

/** `abbr` (the author's `<abbr title>`) -> `<abbr title="expansion">` (no `title` when none was given). */
export function abbr(state: State, node: Abbr): Element {
  const title = node.title?.trim()
  return state.patch(node, {
    type: 'element',
    tagName: 'abbr',
    properties: title ? { title } : {},
    children: state.all(node),
  })
}
