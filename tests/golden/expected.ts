/**
 * What the reader says the golden article holds, read from its Article (the one contract): the
 * footnotes in the order they are numbered, the figures, the link targets and the body text. Every
 * format is checked against these (cross-format.test.ts).
 */
import type { Article } from '@pressroom/article'
import type { Nodes, Parent, RootContent } from 'mdast'
import { toString as mdastToString } from 'mdast-util-to-string'
import { visit } from 'unist-util-visit'

export interface Expected {
  /** Note texts, numbered by first reference (first definition wins). */
  footnotes: string[]
  /** Figure captions, credit after the caption as the XHTML writes it (`caption credit`). */
  figures: Array<{ caption: string; credit?: string }>
  /** Link targets in the body: absolute URLs, `mailto:`, and in-page `#id`. */
  links: string[]
  /** Headings as `h2 Text` (`##` is h2: the reader's depth), in order. */
  headings: string[]
  /** The body text as runs a reader sees unbroken: split at blocks and at note references. */
  text: string[]
  /**
   * What the author marked beyond Markdown (raw `<sup>`, `<sub>`, `<abbr title>`), in order, as
   * `sup 3`, `sub 2`, `abbr PR (Pressroom)`; notes left out (they come after the body).
   */
  marks: string[]
  /** The same for a plain-text body (no pull quotes: they repeat the text; see derived.plainText). */
  plainText: string[]
}

export function expected(article: Article): Expected {
  const { tree } = article
  const definitions = new Map<string, string>()
  const linkDefinitions = new Map<string, string>()
  visit(tree, (node) => {
    if (node.type === 'footnoteDefinition' && !definitions.has(node.identifier))
      definitions.set(node.identifier, mdastToString(node))
    if (node.type === 'definition' && !linkDefinitions.has(node.identifier))
      linkDefinitions.set(node.identifier, node.url)
  })
  const order: string[] = []
  const links: string[] = []
  visit(tree, (node) => {
    if (node.type === 'footnoteDefinition') return 'skip'
    if (node.type === 'footnoteReference' && !order.includes(node.identifier))
      order.push(node.identifier)
    if (node.type === 'link') links.push(node.url)
    if (node.type === 'linkReference') {
      const url = linkDefinitions.get(node.identifier)
      if (url) links.push(url)
    }
    return undefined
  })
  const figures: Expected['figures'] = []
  visit(tree, 'figure', (node) => {
    const caption = node.children[1] ? mdastToString(node.children[1]) : ''
    figures.push(node.credit ? { caption, credit: node.credit } : { caption })
  })
  const marks: string[] = []
  visit(tree, (node) => {
    if (node.type === 'footnoteDefinition') return 'skip'
    if (node.type === 'superscript') marks.push(`sup ${mdastToString(node)}`)
    if (node.type === 'subscript') marks.push(`sub ${mdastToString(node)}`)
    if (node.type === 'abbr')
      marks.push(`abbr ${mdastToString(node)}${node.title ? ` (${node.title})` : ''}`)
    return undefined
  })
  const headings: string[] = []
  visit(tree, 'heading', (node) => {
    headings.push(`h${node.depth} ${mdastToString(node)}`)
  })
  return {
    headings,
    footnotes: order.map((id) => definitions.get(id) ?? ''),
    figures,
    links,
    marks,
    text: runs(tree.children, false),
    plainText: runs(tree.children, true),
  }
}

/** Text runs: one per block leaf (paragraph, heading, cell, code), split at note references. */
function runs(nodes: RootContent[], plain: boolean): string[] {
  const out: string[] = []
  let current = ''
  const flush = () => {
    if (current.trim()) out.push(current.trim())
    current = ''
  }
  const walk = (node: Nodes): void => {
    switch (node.type) {
      case 'footnoteDefinition':
      case 'definition':
      case 'figure': // captions are checked with the figures
      case 'image':
        return
      case 'pullquote':
        if (plain) return
        break
      case 'aside':
        if (node.label) {
          flush()
          current = node.label
          flush()
        }
        break
      case 'footnoteReference':
        flush()
        return
      case 'break':
        current += ' '
        return
      case 'text':
      case 'inlineCode':
        current += node.value
        return
      case 'code':
        flush()
        current = node.value
        flush()
        return
    }
    const block = /^(paragraph|heading|tableCell|descriptionTerm)$/.test(node.type)
    if (block) flush()
    if ('children' in node) for (const child of (node as Parent).children) walk(child as Nodes)
    if (block) flush()
  }
  for (const node of nodes) walk(node)
  flush()
  return out
}

/**
 * Text compared across formats: compatibility forms folded (PDF ligatures), soft hyphens and
 * hyphens removed (the PDF hyphenates at line ends), whitespace removed (every format wraps its
 * own way), task-list marks removed (the XHTML writes ☑/☐ as text; the PDF draws them).
 */
export function fold(text: string): string {
  return text
    .normalize('NFKC')
    .replace(/[\u00AD\-\u2010\u2011☑☐]/g, '')
    .replace(/\s+/g, '')
}
