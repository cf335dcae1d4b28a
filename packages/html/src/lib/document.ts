import type { Nodes as HastNodes } from 'hast'
import { toXml } from './serialize.js'

/**
 * Serialise a hast tree a writer built itself (a title page, a navigation
 * document, a whole XHTML page around a body from `toXhtml`) by the same rules
 * as the body: polyglot XHTML, void elements self-closed, every other element
 * with an end tag, attributes double-quoted, `& < >` (and `"` in attributes)
 * escaped, characters XML 1.0 forbids removed; comments, doctypes and raw nodes
 * are dropped. The tree is not sanitised: it is the caller's, built from values
 * it chose (text is escaped here, never trusted as markup).
 */
export function hastToXhtml(node: HastNodes): string {
  return toXml(node)
}
