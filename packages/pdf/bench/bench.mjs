// Benchmark: first render in a process, warm median of 50 renders of the seed,
// and the loosest justified line for Knuth-Plass versus greedy.
// Run after `npx tsc -b packages/pdf`: node packages/pdf/bench/bench.mjs
import path from 'node:path'
import { fileURLToPath } from 'node:url'
import { loadConfig, readArticle } from '@pressroom/article'

const content = fileURLToPath(new URL('../../../content/', import.meta.url))
const seed = path.join(content, 'pakistan-restores-deterrence.md')
const { config } = await loadConfig(content)
const article = await readArticle(seed, { config })

let t = performance.now()
const { renderPdf } = await import('@pressroom/pdf')
const importMs = performance.now() - t
t = performance.now()
await renderPdf(article)
const firstMs = performance.now() - t

for (let i = 0; i < 10; i++) await renderPdf(article)
const times = []
for (let i = 0; i < 50; i++) {
  t = performance.now()
  await renderPdf(article)
  times.push(performance.now() - t)
}
times.sort((a, b) => a - b)
const median = times[25]

const stats = {}
for (const lineBreaker of ['knuth-plass', 'greedy']) {
  await renderPdf(article, { lineBreaker, onStats: (s) => (stats[lineBreaker] = s) })
}
const rss = process.memoryUsage().rss / 2 ** 20
console.log(`import @pressroom/pdf: ${importMs.toFixed(0)} ms`)
console.log(`first render in process: ${firstMs.toFixed(0)} ms`)
console.log(
  `warm median of 50 (seed): ${median.toFixed(1)} ms (min ${times[0].toFixed(1)}, max ${times[49].toFixed(1)})`,
)
for (const [name, s] of Object.entries(stats)) {
  console.log(
    `${name}: loosest word space ${s.loosestSpaceRatio.toFixed(3)}x normal, tightest ${s.tightestSpaceRatio.toFixed(3)}x, ` +
      `${s.justifiedLines} justified lines, ${s.hyphenatedLines} hyphenated, max ${s.maxConsecutiveHyphens} in a row, ${s.pages} pages`,
  )
}
console.log(`rss: ${rss.toFixed(0)} MiB`)
