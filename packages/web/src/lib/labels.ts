import type { Labels } from '@pressroom/toolkit'

/** The UI strings the web pages print: a part of `@pressroom/toolkit`'s one label table. */
export type WebLabels = Pick<
  Labels,
  | 'by'
  | 'published'
  | 'updated'
  | 'correction'
  | 'corrections'
  | 'aboutTheAuthor'
  | 'aboutTheAuthors'
  | 'skipToArticle'
  | 'allArticles'
  | 'articles'
  | 'image'
>

/** The labels for a language (the toolkit's `labelsFor`: by primary subtag, else English), overrides on top. */
export { labelsFor as webLabels } from '@pressroom/toolkit'
