import type { Element, ElementContent } from 'hast'
import type { List, ListItem, Parents } from 'mdast'
import type { State } from '../types.js'

/**
 * `- item` -> `<li>`; paragraphs unwrapped in tight lists. Task items get
 * `☐ `/`☑ ` as text (no form controls in EPUB-safe XHTML) and
 * `class="task-list-item"`.
 */
export function listItem(state: State, node: ListItem, parent: Parents | undefined): Element {
  const loose = parent && parent.type === 'list' ? listLoose(parent) : itemLoose(node)
  const children: ElementContent[] = []
  for (const child of node.children) {
    const results = state.one(child, node)
    if (!loose && child.type === 'paragraph') {
      if (children.length > 0) children.push({ type: 'text', value: '\n' })
      for (const result of results) {
        if (result.type === 'element' && result.tagName === 'p') children.push(...result.children)
        else children.push(result)
      }
    } else {
      if (children.length > 0 || loose) children.push({ type: 'text', value: '\n' })
      children.push(...results)
    }
  }
  if (loose && node.children.length > 0) children.push({ type: 'text', value: '\n' })

  const properties: Element['properties'] = {}
  if (typeof node.checked === 'boolean') {
    properties.className = ['task-list-item']
    const box: ElementContent = { type: 'text', value: node.checked ? '☑ ' : '☐ ' }
    const first = children.find((child) => child.type !== 'text' || child.value !== '\n')
    if (first && first.type === 'element' && first.tagName === 'p') first.children.unshift(box)
    else children.splice(first ? children.indexOf(first) : 0, 0, box)
  }
  return state.patch(node, { type: 'element', tagName: 'li', properties, children })
}

function listLoose(node: List): boolean {
  return Boolean(node.spread) || node.children.some(itemLoose)
}

function itemLoose(node: ListItem): boolean {
  return node.spread === null || node.spread === undefined ? node.children.length > 1 : node.spread
}
