import type { Article } from '@pressroom/article'
import { collectionBook } from './collection.js'
import { assembleBook } from './package.js'
import { singleBook } from './single.js'
import { createState } from './state.js'
import type { EpubOptions } from './types.js'

/**
 * Render one article, or several as a collection (one chapter each), to an
 * EPUB 3 file. Never reads the file system, the network or the clock: images
 * come from `article.images`, dates from the metadata. Problems are passed to
 * `options.report`, never thrown.
 */
export async function renderEpub(
  input: Article | readonly Article[],
  options: EpubOptions = {},
): Promise<Uint8Array> {
  const collection = Array.isArray(input)
  const articles: Article[] = collection ? [...(input as readonly Article[])] : [input as Article]
  if (articles.length === 0)
    throw new TypeError('renderEpub: expected an article or a non-empty array of articles')
  const state = createState(options)
  const plan = collection
    ? collectionBook(state, articles)
    : singleBook(state, articles[0] as Article)
  return assembleBook(state, plan)
}
