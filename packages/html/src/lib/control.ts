import { removeControlCharacters } from '@pressroom/toolkit'
import type { Nodes as HastNodes, Root as HastRoot } from 'hast'
import type { State } from './types.js'

/**
 * Remove disallowed characters from every text and attribute value in a hast
 * tree, reporting once per node (at the position patched from its mdast node).
 */
export function cleanTree(state: State, tree: HastRoot): void {
  visit(tree)

  function visit(node: HastNodes): void {
    let changed = false
    if (node.type === 'text' || node.type === 'comment') {
      const value = removeControlCharacters(node.value)
      if (value !== node.value) {
        node.value = value
        changed = true
      }
    } else if (node.type === 'element') {
      const properties = node.properties
      for (const key of Object.keys(properties)) {
        const value = properties[key]
        if (typeof value === 'string') {
          const clean = removeControlCharacters(value)
          if (clean !== value) {
            properties[key] = clean
            changed = true
          }
        } else if (Array.isArray(value)) {
          const clean = value.map((item) =>
            typeof item === 'string' ? removeControlCharacters(item) : item,
          )
          if (clean.some((item, index) => item !== value[index])) {
            properties[key] = clean
            changed = true
          }
        }
      }
    }
    if (changed) {
      state.message(
        'Removed characters not allowed in XML 1.0 (control characters, noncharacters or lone surrogates)',
        node,
        'control-character',
        false,
      )
    }
    if ('children' in node) for (const child of node.children) visit(child)
  }
}
