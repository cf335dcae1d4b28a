// Time `toXhtml` on the sample articles (warm, median of 200 runs).
// Run after `npx tsc -b packages/html`: node packages/html/bench/to-xhtml.mjs
import path from 'node:path'
import { performance } from 'node:perf_hooks'
import { readArticle } from '@pressroom/article'
import { toXhtml } from '@pressroom/html'

const content = path.resolve(import.meta.dirname, '../../../content')
const files = process.argv.slice(2).length
  ? process.argv.slice(2)
  : ['seawater-to-tap-water.md', 'al-marjan-electric-buses.md'].map((name) =>
      path.join(content, name),
    )

for (const file of files) {
  const article = await readArticle(file)
  for (const flavor of ['web', 'epub']) {
    const options = { flavor, report: () => {} }
    for (let index = 0; index < 50; index++) toXhtml(article, options)
    const times = []
    for (let index = 0; index < 200; index++) {
      const start = performance.now()
      toXhtml(article, options)
      times.push(performance.now() - start)
    }
    times.sort((a, b) => a - b)
    const median = (times[99] + times[100]) / 2
    console.log(
      `${path.basename(file)} (${article.derived.wordCount} words, ${flavor}): median ${median.toFixed(3)} ms, p90 ${times[179].toFixed(3)} ms`,
    )
  }
}
