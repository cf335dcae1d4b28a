import { escapeXmlAttribute, escapeXmlText } from '@pressroom/toolkit'
import type { Nodes as HastNodes, Properties } from 'hast'
import { find, html } from 'property-information'

/** Elements that never have content: written self-closed (`<br/>`). */
const voidElements = new Set([
  'area',
  'base',
  'br',
  'col',
  'embed',
  'hr',
  'img',
  'input',
  'link',
  'meta',
  'source',
  'track',
  'wbr',
])

/**
 * Serialise hast as polyglot XHTML: well-formed XML that parses the same as
 * HTML5. Void elements are self-closed (`<img/>`), every other element has an
 * end tag (`<p></p>`); attributes are double-quoted; `>` is escaped in text
 * too (so `]]>` never appears); comments, doctypes and raw nodes are dropped.
 */
export function toXml(node: HastNodes): string {
  switch (node.type) {
    case 'root':
      return node.children.map(toXml).join('')
    case 'text':
      return escapeXmlText(node.value)
    case 'element': {
      const name = node.tagName
      const attributes = serializeProperties(node.properties)
      if (voidElements.has(name)) return `<${name}${attributes}/>`
      return `<${name}${attributes}>${node.children.map(toXml).join('')}</${name}>`
    }
    default:
      return ''
  }
}

function serializeProperties(properties: Properties): string {
  let result = ''
  for (const key of Object.keys(properties)) {
    const value = properties[key]
    if (value === undefined || value === null || value === false) continue
    const info = find(html, key)
    let text: string
    if (value === true) text = info.attribute
    else if (Array.isArray(value)) text = value.join(info.commaSeparated ? ', ' : ' ')
    else text = String(value)
    result += ` ${info.attribute}="${escapeXmlAttribute(text)}"`
  }
  return result
}
