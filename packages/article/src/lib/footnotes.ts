/**
 * Footnotes, decided once for every writer: one definition per identifier, the first in the
 * source (as CommonMark does for link definitions); later ones are reported and ignored.
 */
import type { FootnoteDefinition, FootnoteReference, Root } from 'mdast'
import { visit } from 'unist-util-visit'
import type { VFileMessage } from 'vfile-message'
import type { ArticleFootnote } from '../types.js'
import { createMessage } from './messages.js'

/**
 * The footnotes of a body, in the order of their (first) definitions, each with whether the text
 * (or another note) cites it, and one message per problem: each later definition of an
 * identifier (`duplicate-footnote`), each reference to nothing (`undefined-footnote`) and each
 * note never cited (`unused-footnote`). Writers report none of these again.
 */
export function resolveFootnotes(
  tree: Root,
  file?: string,
): { footnotes: ArticleFootnote[]; messages: VFileMessage[] } {
  const messages: VFileMessage[] = []
  const byId = new Map<string, ArticleFootnote>()
  const referenced = new Set<string>()
  const references: FootnoteReference[] = []
  visit(tree, (node) => {
    if (node.type === 'footnoteDefinition') {
      const definition = node as FootnoteDefinition
      const identifier = definition.identifier
      if (byId.has(identifier)) {
        messages.push(
          createMessage(
            file,
            `Duplicate footnote definition \`[^${definition.label ?? identifier}]\`; only the first is used`,
            { place: definition, ruleId: 'duplicate-footnote' },
          ),
        )
      } else {
        byId.set(identifier, {
          identifier,
          label: definition.label ?? identifier,
          definition,
          referenced: false,
        })
      }
    } else if (node.type === 'footnoteReference') {
      referenced.add(node.identifier)
      references.push(node)
    }
  })
  for (const reference of references) {
    if (!byId.has(reference.identifier))
      messages.push(
        createMessage(
          file,
          `Footnote \`[^${reference.label ?? reference.identifier}]\` is referenced but never defined`,
          { place: reference, ruleId: 'undefined-footnote' },
        ),
      )
  }
  const footnotes = [...byId.values()]
  for (const footnote of footnotes) {
    footnote.referenced = referenced.has(footnote.identifier)
    if (!footnote.referenced)
      messages.push(
        createMessage(file, `Footnote \`[^${footnote.label}]\` is defined but never referenced`, {
          place: footnote.definition,
          ruleId: 'unused-footnote',
        }),
      )
  }
  return { footnotes, messages }
}
