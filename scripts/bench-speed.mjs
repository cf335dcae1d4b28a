#!/usr/bin/env node
// The speed benchmark of issue 16 (a script, not a timed test; `npm run bench:speed` after a build):
//   - cold start, whole processes (hyperfine, median after a warm-up): `node -e 0`, `pressroom
//     --version`, `--help`, one article `--format epub` (first build into an empty folder, and a
//     rebuild that finds its cover drawn) and all formats, against `pandoc -o x.epub` of the same file;
//   - the EPUB cover: drawn, and taken from a cover cache (in process, median);
//   - warm, in process: the reader against remark's own parse of the same text, and each writer, on the
//     seed at 1x, 4x, 16x and 64x its length (the cost per word should stay flat).
// Load average is printed with each part: the machine may be shared.
//
//   node scripts/bench-speed.mjs [--runs 7] [--skip cold,warm] [--compare ../other-checkout]
//
// --compare runs the cold one-article builds of another checkout too (built; its `pressroom` bin), in
// the same hyperfine run, for before/after figures.
import { execFileSync, spawnSync } from 'node:child_process'
import { mkdtempSync, readFileSync, rmSync } from 'node:fs'
import { createRequire } from 'node:module'
import { loadavg, tmpdir } from 'node:os'
import path from 'node:path'
import { fileURLToPath, pathToFileURL } from 'node:url'

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..')
const bin = path.join(root, 'apps/cli/bin/pressroom.js')
const seed = path.join(root, 'content/pakistan-restores-deterrence.md')
const args = process.argv.slice(2)
const option = (name, fallback) => {
  const index = args.indexOf(`--${name}`)
  return index >= 0 ? args[index + 1] : fallback
}
const runs = Number(option('runs', '7'))
const skip = new Set(option('skip', '').split(','))
const compare = option('compare', undefined)
const load = () =>
  `load ${loadavg()
    .map((value) => value.toFixed(1))
    .join(' ')}`
const median = (values) => {
  const sorted = [...values].sort((a, b) => a - b)
  return sorted[Math.floor(sorted.length / 2)]
}
const has = (command) => spawnSync('sh', ['-c', `command -v ${command}`]).status === 0
const ms = (value) => `${value.toFixed(value < 10 ? 2 : 0)} ms`

function coldStart() {
  if (!has('hyperfine')) {
    console.log('hyperfine is not installed (apt-get install hyperfine): no cold-start figures.')
    return
  }
  const out = mkdtempSync(path.join(tmpdir(), 'pressroom-speed-'))
  const q = (word) => `'${word}'`
  const node = q(process.execPath)
  const build = (formats, folder, command = bin) =>
    `${node} ${q(command)} build ${q(seed)} --out ${q(folder)} --force -q${formats ? ` --format ${formats}` : ''}`
  const commands = [
    ['node -e 0', `${node} -e 0`],
    ['pressroom --version', `${node} ${q(bin)} --version`],
    ['pressroom --help', `${node} ${q(bin)} --help`],
    ['pandoc -o x.epub', `pandoc -o ${q(path.join(out, 'x.epub'))} ${q(seed)}`],
    // A first build: an empty output folder (no cover cache) before each run.
    ['epub, empty --out', build('epub', path.join(out, 'a')), `rm -rf ${q(path.join(out, 'a'))}`],
    // A rebuild with --force: everything rendered again, the cover found in the cache folder.
    ['epub, --force rebuild', build('epub', path.join(out, 'b'))],
    [
      'all formats, empty --out',
      build('', path.join(out, 'c')),
      `rm -rf ${q(path.join(out, 'c'))}`,
    ],
    ['all formats, --force rebuild', build('', path.join(out, 'd'))],
  ]
  if (compare) {
    const other = path.resolve(compare, 'apps/cli/bin/pressroom.js')
    commands.push(
      [
        'compared: epub, empty --out',
        build('epub', path.join(out, 'e'), other),
        `rm -rf ${q(path.join(out, 'e'))}`,
      ],
      ['compared: epub, --force rebuild', build('epub', path.join(out, 'f'), other)],
      [
        'compared: all, empty --out',
        build('', path.join(out, 'g'), other),
        `rm -rf ${q(path.join(out, 'g'))}`,
      ],
      ['compared: all, --force rebuild', build('', path.join(out, 'h'), other)],
    )
  }
  const json = path.join(out, 'hyperfine.json')
  const hyperfineArgs = ['-N', '--warmup', '2', '--runs', String(runs), '--export-json', json]
  for (const [name, command, prepare] of commands) {
    hyperfineArgs.push('-n', name)
    if (prepare) hyperfineArgs.push('--prepare', prepare)
    else hyperfineArgs.push('--prepare', 'true')
    hyperfineArgs.push(command)
  }
  console.log(`Cold start, whole processes, median of ${runs} after 2 warm-ups (${load()}):`)
  spawnSync('hyperfine', hyperfineArgs, { stdio: ['ignore', 'ignore', 'inherit'] })
  const results = JSON.parse(readFileSync(json, 'utf8')).results
  const base = results[0].median
  for (const result of results)
    console.log(
      `  ${result.command.padEnd(30)} ${ms(result.median * 1000).padStart(9)}  user ${ms(result.user * 1000).padStart(8)}  (+${ms((result.median - base) * 1000)} over node -e 0)`,
    )
  console.log(`  (${load()})\n`)
  rmSync(out, { recursive: true, force: true })
}

async function timeIt(fn, times = runs) {
  await fn()
  const samples = []
  for (let index = 0; index < times; index++) {
    const started = performance.now()
    await fn()
    samples.push(performance.now() - started)
  }
  return median(samples)
}

async function warm() {
  const require = createRequire(path.join(root, 'packages/article/package.json'))
  const article = await import(
    pathToFileURL(path.join(root, 'packages/article/dist/index.js')).href
  )
  const epub = await import(pathToFileURL(path.join(root, 'packages/epub/dist/index.js')).href)
  const pdf = await import(pathToFileURL(path.join(root, 'packages/pdf/dist/index.js')).href)
  const syndication = await import(
    pathToFileURL(path.join(root, 'packages/syndication/dist/index.js')).href
  )
  const { unified } = await import(pathToFileURL(require.resolve('unified')).href)
  const remarkParse = (await import(pathToFileURL(require.resolve('remark-parse')).href)).default
  const remarkGfm = (await import(pathToFileURL(require.resolve('remark-gfm')).href)).default
  const remarkFrontmatter = (
    await import(pathToFileURL(require.resolve('remark-frontmatter')).href)
  ).default
  const config = await article.loadConfig(path.join(root, 'content'))
  const source = readFileSync(seed, 'utf8')
  const [, frontmatter, body] = source.match(/^(---\n[\s\S]*?\n---\n)([\s\S]*)$/)
  const remark = unified().use(remarkParse).use(remarkFrontmatter).use(remarkGfm)

  console.log(`Warm, in process, median of ${runs} (${load()}):`)
  console.log(
    '  length   words   remark   reader (x remark)   epub    epub+cover cache   pdf     ninjs   per 1,000 words: reader epub pdf',
  )
  for (const factor of [1, 4, 16, 64]) {
    const text = `${frontmatter}${Array.from({ length: factor }, () => body).join('\n\n')}`
    const parseOptions = { path: seed, config: config.config }
    const parsed = await article.parseArticle(text, parseOptions)
    const words = parsed.derived.wordCount
    const tRemark = await timeIt(() => remark.runSync(remark.parse(text)))
    const tReader = await timeIt(() => article.parseArticle(text, parseOptions))
    const tEpub = await timeIt(() => epub.renderEpub(parsed, { modified: '2025-01-01T00:00:00Z' }))
    const covers = new Map()
    const coverCache = {
      get: (key) => covers.get(key),
      set: (key, bytes) => covers.set(key, bytes),
    }
    const tEpubCached = await timeIt(() =>
      epub.renderEpub(parsed, { modified: '2025-01-01T00:00:00Z', coverCache }),
    )
    const tPdf = await timeIt(() => pdf.renderPdf(parsed, {}), factor >= 16 ? 3 : runs)
    const tNinjs = await timeIt(() => syndication.toNinjs(parsed, {}))
    const per = (t) => ((t / words) * 1000).toFixed(1)
    console.log(
      `  ${`${factor}x`.padStart(5)}  ${String(words).padStart(6)}  ${ms(tRemark).padStart(8)}  ${ms(tReader).padStart(9)} (${(tReader / tRemark).toFixed(1)}x)  ${ms(tEpub).padStart(8)}  ${ms(tEpubCached).padStart(10)}  ${ms(tPdf).padStart(8)}  ${ms(tNinjs).padStart(7)}   ${per(tReader)} ${per(tEpubCached)} ${per(tPdf)}`,
    )
  }
  console.log(`  (${load()})\n`)
}

console.log(
  `Pressroom speed benchmark: Node ${process.version}, ${execFileSync('nproc').toString().trim()} cores\n`,
)
if (!skip.has('cold')) coldStart()
if (!skip.has('warm')) await warm()
