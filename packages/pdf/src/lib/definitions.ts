/**
 * What the reader decided about definitions, looked up: the Article does not carry its resolved
 * footnotes and link definitions (yet), so the PDF reads them from the tree by the reader's own
 * rule (`@pressroom/article`, transform.ts): every definition in the tree, in document order,
 * wherever it sits (inside a quote or a list item too), and the FIRST one of an identifier wins;
 * the reader has reported the others (`duplicate-footnote`). Nothing else is decided here.
 */
import type { Definition, FootnoteDefinition, Nodes, Root } from 'mdast'

export interface Definitions {
  /** Link and image definitions (`[id]: url "title"`), by identifier. */
  links: Map<string, Definition>
  /** Footnote definitions (`[^id]: text`), by identifier. */
  footnotes: Map<string, FootnoteDefinition>
}

/** Index the tree's definitions, the first of each identifier winning (the reader's rule). */
export function definitionsOf(tree: Root): Definitions {
  const links = new Map<string, Definition>()
  const footnotes = new Map<string, FootnoteDefinition>()
  const visit = (node: Nodes) => {
    if (node.type === 'definition' && !links.has(node.identifier)) links.set(node.identifier, node)
    if (node.type === 'footnoteDefinition' && !footnotes.has(node.identifier))
      footnotes.set(node.identifier, node)
    if ('children' in node) for (const child of node.children) visit(child as Nodes)
  }
  visit(tree)
  return { links, footnotes }
}
