#!/usr/bin/env node
// Peak memory of a batch (issue 16: at most 300 MB at 2,000 articles, all formats, and flat from 200
// to 2,000). A script, not a test: `node scripts/bench-memory.mjs [--sizes 200,2000] [--formats all]`.
// Prints, per size, the whole process's peak RSS (the kernel's, as /usr/bin/time reports it: the main
// thread and every worker thread together), its RSS sampled every second through the run (to see
// whether it grows per article), the time and the rate.
import { spawn } from 'node:child_process'
import { mkdtempSync, readFileSync, rmSync } from 'node:fs'
import { tmpdir } from 'node:os'
import path from 'node:path'
import { fileURLToPath } from 'node:url'
import { makeCorpus } from './corpus.mjs'

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..')
const bin = path.join(root, 'apps/cli/bin/pressroom.js')
const args = process.argv.slice(2)
const option = (name, fallback) => {
  const index = args.indexOf(`--${name}`)
  return index >= 0 ? args[index + 1] : fallback
}
const sizes = option('sizes', '200,2000').split(',').map(Number)
const formats = option('formats', 'all')
const extra = option('args', '').split(' ').filter(Boolean)

const rssOf = (pid) => {
  try {
    const status = readFileSync(`/proc/${pid}/status`, 'utf8')
    return Number(status.match(/VmRSS:\s+(\d+)/)?.[1] ?? 0) / 1024
  } catch {
    return 0
  }
}

for (const size of sizes) {
  const folder = makeCorpus(size, 0, { uniqueTitles: true })
  const out = mkdtempSync(path.join(tmpdir(), 'pressroom-memory-out-'))
  const started = performance.now()
  const child = spawn(
    process.execPath,
    [
      bin,
      'build',
      folder,
      '--out',
      out,
      '--json',
      '-q',
      ...(formats === 'all' ? [] : ['--format', formats]),
      ...extra,
    ],
    { stdio: ['ignore', 'pipe', 'inherit'] },
  )
  let stdout = ''
  child.stdout.on('data', (chunk) => {
    stdout += chunk
  })
  const samples = []
  const timer = setInterval(() => samples.push(Math.round(rssOf(child.pid))), 1000)
  await new Promise((resolve) => child.on('close', resolve))
  clearInterval(timer)
  const seconds = (performance.now() - started) / 1000
  const report = JSON.parse(stdout)
  const { built, failed, peakRssMB } = report.summary
  // RSS at each tenth of the run, to show growth (or none).
  const tenths = Array.from(
    { length: 10 },
    (_, index) => samples[Math.floor(((index + 1) * samples.length) / 10) - 1] ?? 0,
  )
  console.log(
    `${String(size).padStart(5)} articles, ${formats}: peak RSS ${peakRssMB} MB; ${seconds.toFixed(1)} s, ${(built / seconds).toFixed(1)} articles/s (${built} built, ${failed} failed); RSS by tenths of the run: ${tenths.join(' ')} MB`,
  )
  rmSync(folder, { recursive: true, force: true })
  rmSync(out, { recursive: true, force: true })
}
