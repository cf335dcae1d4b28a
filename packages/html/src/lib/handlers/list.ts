import type { Element } from 'hast'
import type { List } from 'mdast'
import type { State } from '../types.js'

/** `1.`/`-` lists -> `<ol start>`/`<ul>`; task lists get `class="task-list"`. */
export function list(state: State, node: List): Element {
  const properties: Element['properties'] = {}
  if (node.ordered && typeof node.start === 'number' && node.start !== 1) {
    properties.start = node.start
  }
  if (node.children.some((item) => typeof item.checked === 'boolean')) {
    properties.className = ['task-list']
  }
  return state.patch(node, {
    type: 'element',
    tagName: node.ordered ? 'ol' : 'ul',
    properties,
    children: state.wrap(state.all(node), true),
  })
}
