#!/usr/bin/env node
/**
 * Time the writers on every article in content/ (build first: `npx tsc -b packages/syndication`).
 * Usage: node packages/syndication/scripts/bench.mjs [iterations]
 */
import { readdirSync } from 'node:fs'
import { performance } from 'node:perf_hooks'
import { loadConfig, readArticle } from '@pressroom/article'

const iterations = Number(process.argv[2] ?? 200)
const content = new URL('../../../content/', import.meta.url).pathname
const { config } = await loadConfig(content)
const names = readdirSync(content)
  .filter((n) => n.endsWith('.md') && n !== 'README.md')
  .sort()
const articles = []
for (const name of names) articles.push(await readArticle(content + name, { config }))

let t = performance.now()
const lib = await import('@pressroom/syndication')
console.log(`import @pressroom/syndication: ${(performance.now() - t).toFixed(1)} ms`)
const { toNinjs, toJsonFeed, toJsonLd, validateNinjs } = lib
const options = (a) => ({ baseUrl: `${config.baseUrl}articles/${a.meta.slug}/` })

t = performance.now()
toNinjs(articles[0], options(articles[0]))
console.log(
  `first toNinjs (loads Ajv, compiles ninjs 3.2): ${(performance.now() - t).toFixed(1)} ms`,
)
t = performance.now()
toNinjs(articles[0], { ...options(articles[0]), version: '2.3' })
console.log(`first toNinjs 2.3 (compiles ninjs 2.3): ${(performance.now() - t).toFixed(1)} ms`)

/** Median of 7 rounds of `iterations` calls, after a warm-up. */
function time(label, fn) {
  for (let i = 0; i < 50; i++) fn()
  const rounds = []
  for (let r = 0; r < 7; r++) {
    const start = performance.now()
    for (let i = 0; i < iterations; i++) fn()
    rounds.push((performance.now() - start) / iterations)
  }
  rounds.sort((a, b) => a - b)
  const ms = rounds[3]
  console.log(
    `${label}: ${ms.toFixed(3)} ms (median of 7 rounds; min ${rounds[0].toFixed(3)}, max ${rounds[6].toFixed(3)})`,
  )
  return ms
}

for (const a of articles) {
  const words = a.derived.wordCount
  const doc = toNinjs(a, options(a))
  console.log(
    `\n${a.meta.slug} (${words} words, ${Buffer.byteLength(JSON.stringify(doc))} bytes of ninjs)`,
  )
  time('  toNinjs 3.2 incl. validation', () => toNinjs(a, options(a)))
  time('  of which validateNinjs', () => validateNinjs(doc, '3.2'))
  time('  toNinjs 2.3 incl. validation', () => toNinjs(a, { ...options(a), version: '2.3' }))
  time('  toJsonLd', () => toJsonLd(a))
}
console.log('')
time(`toJsonFeed of ${articles.length} articles incl. validation`, () =>
  toJsonFeed(articles, { title: 'Sample', baseUrl: config.baseUrl }),
)
