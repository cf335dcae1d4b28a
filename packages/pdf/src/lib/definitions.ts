/**
 * What the reader decided about definitions, looked up: the Article carries its resolved
 * footnotes (`article.footnotes`) and link/image definitions (`article.definitions`), the first of
 * each identifier winning; the reader has reported the others. Nothing is decided here.
 */
import type { Article } from '@pressroom/article'
import type { Definition, FootnoteDefinition } from 'mdast'

export interface Definitions {
  /** Link and image definitions (`[id]: url "title"`), by identifier. */
  links: Map<string, Definition>
  /** Footnote definitions (`[^id]: text`), by identifier. */
  footnotes: Map<string, FootnoteDefinition>
}

/** The article's definitions by identifier, as the reader resolved them. */
export function definitionsOf(article: Article): Definitions {
  return {
    links: new Map(
      (article.definitions ?? []).map((entry) => [entry.identifier, entry.definition]),
    ),
    footnotes: new Map(
      (article.footnotes ?? []).map((footnote) => [footnote.identifier, footnote.definition]),
    ),
  }
}
