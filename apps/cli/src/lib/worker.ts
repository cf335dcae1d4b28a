/** A worker of the pool: builds one article per task. */
import { type ArticleResult, type ArticleTask, buildArticle } from './build-article.js'

export default function run(task: ArticleTask): Promise<ArticleResult> {
  return buildArticle(task)
}
