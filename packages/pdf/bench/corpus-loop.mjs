// In-process: read and render every article of a folder twice (cold pass, warm pass), reporting
// the time of each stage. node packages/pdf/bench/corpus-loop.mjs <folder>
import { readdirSync } from 'node:fs'
import path from 'node:path'
import { loadConfig, readArticle } from '@pressroom/article'
import { renderPdf } from '@pressroom/pdf'

const folder = process.argv[2]
const { config } = await loadConfig(folder)
const files = readdirSync(folder)
  .filter((n) => n.endsWith('.md'))
  .sort()
for (const pass of ['cold', 'warm']) {
  let read = 0
  let pdf = 0
  let words = 0
  for (const name of files) {
    let t = performance.now()
    const article = await readArticle(path.join(folder, name), { config })
    read += performance.now() - t
    words += article.derived.wordCount ?? 0
    t = performance.now()
    await renderPdf(article)
    pdf += performance.now() - t
  }
  console.log(
    `${pass}: ${files.length} articles, ${words} words: read ${(read / files.length).toFixed(1)} ms, pdf ${(pdf / files.length).toFixed(1)} ms an article; rss ${(process.memoryUsage().rss / 2 ** 20).toFixed(0)} MB`,
  )
}
