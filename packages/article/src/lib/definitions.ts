/**
 * Link and image reference definitions (`[id]: url "title"`), decided once for every writer: the
 * first definition of an identifier in the source wins (as CommonMark says); later ones are
 * reported (`duplicate-definition`) and ignored. Writers look references up in
 * `Article.definitions` and never collect definitions themselves.
 */
import type { Definition, Root } from 'mdast'
import { visit } from 'unist-util-visit'
import type { VFileMessage } from 'vfile-message'
import type { ArticleDefinition } from '../types.js'
import { createMessage } from './messages.js'

export function resolveDefinitions(
  tree: Root,
  file?: string,
): { definitions: ArticleDefinition[]; messages: VFileMessage[] } {
  const messages: VFileMessage[] = []
  const byId = new Map<string, ArticleDefinition>()
  visit(tree, 'definition', (node: Definition) => {
    const identifier = node.identifier
    if (byId.has(identifier)) {
      messages.push(
        createMessage(
          file,
          `Duplicate definition \`[${node.label ?? identifier}]\`: only the first is used`,
          { place: node, ruleId: 'duplicate-definition' },
        ),
      )
    } else {
      byId.set(identifier, { identifier, label: node.label ?? identifier, definition: node })
    }
  })
  return { definitions: [...byId.values()], messages }
}
