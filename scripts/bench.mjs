#!/usr/bin/env node
// The benchmark (a script, not a timed test): generates corpora from the articles in content/ and reports,
// per format and for all formats together, articles per second, p50/p95 time per article, peak memory and
// the cold start of a one-article build; where pandoc (and WeasyPrint) are installed, runs them on the same
// articles and prints our throughput as a multiple of theirs.
//
//   npm run bench                    # 200 and 2,000 articles
//   node scripts/bench.mjs --sizes 50 --formats epub,pdf+ninjs   # sets separated by commas, formats by +
//
// Every article of the corpus has its own title (so its own EPUB cover, as in a real batch). The
// comparison with pandoc is the issue's: EPUB + PDF + ninjs against pandoc EPUB + WeasyPrint PDF. "busy"
// is the share of the run the workers spent on articles (the sum of the articles' times over the
// run's wall time and the worker count); the rest is start-up, the main thread and the last articles.
//   node scripts/bench.mjs --checkout ../base   # another checkout's CLI on the same corpus
//   npm run bench -- --queue         # through Redis and 1 and 2 workers (scripts/bench-queue.mjs)
import { spawnSync } from 'node:child_process'
import { mkdtempSync, readdirSync, rmSync } from 'node:fs'
import { availableParallelism, tmpdir } from 'node:os'
import path from 'node:path'
import { fileURLToPath } from 'node:url'

import { benchQueue } from './bench-queue.mjs'
import { makeCorpus } from './corpus.mjs'

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..')
const args = process.argv.slice(2)
const option = (name, fallback) => {
  const index = args.indexOf(`--${name}`)
  return index >= 0 ? args[index + 1] : fallback
}
// `--checkout <folder>`: time another checkout's built CLI on the same corpus (before/after figures).
const bin = path.join(option('checkout', root), 'apps/cli/bin/pressroom.js')
// `npm run bench -- --queue`: the BullMQ queue against the in-process pool (scripts/bench-queue.mjs).
if (args.includes('--queue')) {
  await benchQueue(args)
  process.exit(0)
}
const sizes = option('sizes', '200,2000').split(',').map(Number)
const formatSets = option('formats', 'epub,pdf,ninjs,epub+pdf+ninjs,all').split(',')
const pandocSample = Number(option('pandoc-sample', '10'))
const broken = Number(option('broken', '3'))

const content = path.join(root, 'content')
const quantile = (values, q) => {
  const sorted = [...values].sort((a, b) => a - b)
  return sorted[Math.min(sorted.length - 1, Math.floor(q * sorted.length))]
}

function runBuild(folder, formats, extra = []) {
  const out = mkdtempSync(path.join(tmpdir(), 'pressroom-bench-out-'))
  const started = performance.now()
  const result = spawnSync(
    process.execPath,
    [
      bin,
      'build',
      folder,
      '--out',
      out,
      '--json',
      '--force',
      ...(formats === 'all' ? [] : ['--format', formats.replaceAll('+', ',')]),
      ...extra,
    ],
    {
      encoding: 'utf8',
      maxBuffer: 512 * 1024 * 1024,
    },
  )
  const seconds = (performance.now() - started) / 1000
  const report = JSON.parse(result.stdout)
  rmSync(out, { recursive: true, force: true })
  return { seconds, report, status: result.status }
}

// The CLI's default --jobs (one worker per core): what "busy" divides by.
const jobs = availableParallelism()
const rows = []
console.log(
  `Pressroom benchmark (${path.relative(process.cwd(), bin) || bin}): ${jobs} cores, Node ${process.version}, --jobs ${jobs}\n`,
)
for (const size of sizes) {
  const folder = makeCorpus(size, broken, { uniqueTitles: true })
  for (const formats of formatSets) {
    const { seconds, report, status } = runBuild(folder, formats)
    const times = report.articles.filter((a) => a.ok).map((a) => a.ms)
    const row = {
      articles: size,
      formats,
      built: report.summary.built,
      failed: report.summary.failed,
      exit: status,
      seconds: +seconds.toFixed(2),
      perSecond: +(report.summary.built / seconds).toFixed(1),
      p50: +quantile(times, 0.5).toFixed(1),
      p95: +quantile(times, 0.95).toFixed(1),
      peakMB: report.summary.peakRssMB,
      busy: report.articles.reduce((sum, a) => sum + a.ms, 0) / (seconds * 1000 * jobs),
    }
    rows.push(row)
    console.log(
      `${String(size).padStart(5)} articles  ${formats.padEnd(6)}  ${row.seconds.toFixed(2).padStart(7)} s  ${String(row.perSecond).padStart(7)} articles/s  p50 ${row.p50} ms  p95 ${row.p95} ms  peak ${row.peakMB} MB  busy ${(row.busy * 100).toFixed(0)} %  (${row.built} built, ${row.failed} failed, exit ${status})`,
    )
  }
  rmSync(folder, { recursive: true, force: true })
}

// Cold start: one article, every format, a fresh process each time (median of 7).
const seed = path.join(content, 'pakistan-restores-deterrence.md')
const cold = {}
for (const formats of ['epub', 'pdf', 'ninjs', 'all']) {
  const times = []
  for (let i = 0; i < 7; i++) times.push(runBuild(seed, formats).seconds * 1000)
  cold[formats] = +quantile(times, 0.5).toFixed(0)
}
console.log(
  `\nCold one-article build of the seed (median of 7 processes): ${Object.entries(cold)
    .map(([f, ms]) => `${f} ${ms} ms`)
    .join(', ')}`,
)

// pandoc (and WeasyPrint) on the same articles, one process per article as a newsroom would run them.
const has = (command) => spawnSync('sh', ['-c', `command -v ${command}`]).status === 0
if (has('pandoc')) {
  const folder = makeCorpus(pandocSample, broken, { uniqueTitles: true })
  const files = readdirSync(folder)
    .filter((name) => name.endsWith('.md'))
    .slice(broken)
  const out = mkdtempSync(path.join(tmpdir(), 'pressroom-bench-pandoc-'))
  const time = (fn) => {
    const started = performance.now()
    fn()
    return (performance.now() - started) / 1000
  }
  const pandocEpub = time(() => {
    for (const name of files)
      spawnSync('pandoc', [name, '-o', path.join(out, `${name}.epub`)], { cwd: folder })
  })
  let pandocPdf
  if (has('weasyprint')) {
    pandocPdf = time(() => {
      for (const name of files)
        spawnSync(
          'pandoc',
          [name, '--pdf-engine=weasyprint', '-o', path.join(out, `${name}.pdf`)],
          { cwd: folder },
        )
    })
  }
  const n = files.length
  const epubRate = n / pandocEpub
  const pdfRate = pandocPdf ? n / pandocPdf : undefined
  const bothRate = pandocPdf ? n / (pandocEpub + pandocPdf) : undefined
  console.log(
    `\npandoc on ${n} of the same articles (sequential processes, as pandoc has no batch mode):`,
  )
  console.log(
    `  pandoc EPUB: ${epubRate.toFixed(1)} articles/s (${((pandocEpub / n) * 1000).toFixed(0)} ms each)`,
  )
  if (pdfRate)
    console.log(
      `  pandoc + WeasyPrint PDF: ${pdfRate.toFixed(2)} articles/s (${((pandocPdf / n) * 1000).toFixed(0)} ms each)`,
    )
  const largest = Math.max(...sizes)
  const ours = (formats) =>
    rows.find((row) => row.articles === largest && row.formats === formats)?.perSecond
  if (ours('epub'))
    console.log(`  Pressroom EPUB: ${(ours('epub') / epubRate).toFixed(1)}x pandoc's throughput`)
  if (ours('pdf') && pdfRate)
    console.log(`  Pressroom PDF: ${(ours('pdf') / pdfRate).toFixed(1)}x pandoc + WeasyPrint`)
  if (ours('epub+pdf+ninjs') && bothRate)
    console.log(
      `  Pressroom EPUB + PDF + ninjs: ${(ours('epub+pdf+ninjs') / bothRate).toFixed(1)}x pandoc EPUB + pandoc/WeasyPrint PDF (goal 30x)`,
    )
  if (ours('all') && bothRate)
    console.log(
      `  Pressroom, all formats: ${(ours('all') / bothRate).toFixed(1)}x pandoc EPUB + pandoc/WeasyPrint PDF`,
    )
  rmSync(folder, { recursive: true, force: true })
  rmSync(out, { recursive: true, force: true })
} else {
  console.log('\npandoc is not installed: no comparison (apt-get install pandoc weasyprint).')
}
