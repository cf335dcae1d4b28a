import { SaxesParser } from 'saxes'

export const XHTML_NS = 'http://www.w3.org/1999/xhtml'
export const EPUB_NS = 'http://www.idpf.org/2007/ops'

/** A parsed XML element (namespaces resolved). */
export interface XmlElement {
  name: string
  uri: string
  local: string
  attributes: Record<string, string>
  children: XmlElement[]
  /** All the text inside the element, descendants' included. */
  text: string
}

/** Parse XML strictly with saxes (throws on any well-formedness error). */
export function parseXml(xml: string): XmlElement {
  const parser = new SaxesParser({ xmlns: true })
  const root: XmlElement = {
    name: '#document',
    uri: '',
    local: '',
    attributes: {},
    children: [],
    text: '',
  }
  const stack: XmlElement[] = [root]
  parser.on('error', (error) => {
    throw error
  })
  parser.on('opentag', (tag) => {
    const attributes: Record<string, string> = {}
    for (const [name, attribute] of Object.entries(tag.attributes)) {
      attributes[name] = typeof attribute === 'string' ? attribute : attribute.value
    }
    const element: XmlElement = {
      name: tag.name,
      uri: tag.uri ?? '',
      local: tag.local ?? tag.name,
      attributes,
      children: [],
      text: '',
    }
    stack[stack.length - 1]?.children.push(element)
    stack.push(element)
  })
  parser.on('text', (text) => {
    for (const element of stack) element.text += text
  })
  parser.on('closetag', () => {
    stack.pop()
  })
  parser.write(xml).close()
  return root
}

/** Every element below `root` (depth first) matching a predicate. */
export function findAll(
  root: XmlElement,
  predicate: (element: XmlElement) => boolean,
): XmlElement[] {
  const out: XmlElement[] = []
  const walk = (element: XmlElement): void => {
    for (const child of element.children) {
      if (predicate(child)) out.push(child)
      walk(child)
    }
  }
  walk(root)
  return out
}

/**
 * Parse an XHTML fragment with a real XML parser (saxes), wrapped in an XHTML `<div>` declaring
 * the epub namespace. Throws on any well-formedness error and on an element outside the XHTML
 * namespace. Returns the fragment's element names and attributes (namespace declarations left out),
 * in document order.
 */
export function wellFormed(fragment: string): {
  elements: string[]
  attributes: Array<[name: string, value: string]>
} {
  const document = parseXml(`<div xmlns="${XHTML_NS}" xmlns:epub="${EPUB_NS}">${fragment}</div>`)
  const all = findAll(document, () => true).slice(1)
  const outside = all.find((element) => element.uri !== XHTML_NS)
  if (outside) throw new Error(`Element ${outside.name} outside XHTML namespace`)
  return {
    elements: all.map((element) => element.name),
    attributes: all.flatMap((element) =>
      Object.entries(element.attributes).filter(([name]) => !name.startsWith('xmlns')),
    ),
  }
}
