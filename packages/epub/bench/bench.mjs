// Warm in-process time to render one article to EPUB (the seed by default).
// Usage: node bench/bench.mjs [article.md ...]   (build first: npx tsc -b packages/epub)
import path from 'node:path'
import { fileURLToPath } from 'node:url'
import { loadConfig, readArticle } from '@pressroom/article'
import { renderEpub } from '@pressroom/epub'

const here = path.dirname(fileURLToPath(import.meta.url))
const content = path.resolve(here, '../../../content')
const files = process.argv.slice(2)
if (files.length === 0) files.push(path.join(content, 'pakistan-restores-deterrence.md'))

const { config } = await loadConfig(content)
const WARMUP = 20
const RUNS = 50

for (const file of files) {
  const article = await readArticle(file, { config })
  let size = 0
  for (let index = 0; index < WARMUP; index++) size = (await renderEpub(article)).length
  const times = []
  for (let index = 0; index < RUNS; index++) {
    const start = performance.now()
    await renderEpub(article)
    times.push(performance.now() - start)
  }
  times.sort((a, b) => a - b)
  const median = times[Math.floor(RUNS / 2)]
  const p90 = times[Math.floor(RUNS * 0.9)]
  console.log(
    `${path.basename(file)}: median ${median.toFixed(2)} ms, p90 ${p90.toFixed(2)} ms, min ${times[0].toFixed(2)} ms over ${RUNS} warm runs (${WARMUP} warm-up); ${size} bytes`,
  )
}
