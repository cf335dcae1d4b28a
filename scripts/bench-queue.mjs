// `npm run bench -- --queue`: articles per second built through the BullMQ queue (a real redis-server,
// 1 and 2 `pressroom worker` processes) against the in-process pool with the same parallelism, and the
// queue's overhead per job. Workers are started (and ready) before the clock starts.
//
//   npm run bench -- --queue [--sizes 200] [--formats epub,ninjs]
import { spawn } from 'node:child_process'
import { mkdtempSync, rmSync } from 'node:fs'
import { createServer } from 'node:net'
import { tmpdir } from 'node:os'
import path from 'node:path'
import { fileURLToPath } from 'node:url'
import { makeCorpus } from './corpus.mjs'

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..')
const bin = path.join(root, 'apps/cli/bin/pressroom.js')

const freePort = () =>
  new Promise((resolve) => {
    const server = createServer()
    server.listen(0, '127.0.0.1', () => {
      const { port } = server.address()
      server.close(() => resolve(port))
    })
  })

async function startRedis() {
  const dir = mkdtempSync(path.join(tmpdir(), 'pressroom-bench-redis-'))
  const port = await freePort()
  const child = spawn('redis-server', [
    '--port',
    String(port),
    '--bind',
    '127.0.0.1',
    '--dir',
    dir,
    '--save',
    '',
    '--daemonize',
    'no',
  ])
  await new Promise((resolve) => {
    let output = ''
    child.stdout.on('data', (chunk) => {
      output += chunk
      if (output.includes('Ready to accept connections')) resolve()
    })
  })
  return {
    url: `redis://127.0.0.1:${port}`,
    stop: () => {
      child.kill()
      rmSync(dir, { recursive: true, force: true })
    },
  }
}

function startWorker(url) {
  const child = spawn(process.execPath, [bin, 'worker', '--queue', url, '--concurrency', '1'])
  const ready = new Promise((resolve) => {
    let output = ''
    child.stderr.on('data', (chunk) => {
      output += chunk
      if (output.includes('taking jobs')) resolve()
    })
  })
  // One JSON line per finished job: its time inside the worker's pool.
  const jobs = []
  let buffer = ''
  child.stdout.on('data', (chunk) => {
    buffer += chunk
    const lines = buffer.split('\n')
    buffer = lines.pop()
    for (const line of lines) if (line.trim()) jobs.push(JSON.parse(line))
  })
  return { child, ready, jobs }
}

/** One `pressroom build` (asynchronous: the workers' output is read meanwhile). */
function build(folder, formats, extra) {
  const out = mkdtempSync(path.join(tmpdir(), 'pressroom-bench-out-'))
  const started = performance.now()
  const child = spawn(process.execPath, [
    bin,
    'build',
    folder,
    '--out',
    out,
    '--json',
    '--format',
    formats,
    ...extra,
  ])
  let stdout = ''
  child.stdout.on('data', (chunk) => {
    stdout += chunk
  })
  child.stderr.resume()
  return new Promise((resolve) => {
    child.on('close', () => {
      const seconds = (performance.now() - started) / 1000
      rmSync(out, { recursive: true, force: true })
      resolve({ seconds, report: JSON.parse(stdout) })
    })
  })
}

export async function benchQueue(args) {
  const option = (name, fallback) => {
    const index = args.indexOf(`--${name}`)
    return index >= 0 ? args[index + 1] : fallback
  }
  const size = Number(option('sizes', '200').split(',')[0])
  const formats = option('formats', 'epub,ninjs')
  const folder = makeCorpus(size, 0)
  console.log(`Queue benchmark: ${size} articles, --format ${formats}`)
  for (const jobs of [1, 2]) {
    const local = await build(folder, formats, ['--jobs', String(jobs)])
    const redis = await startRedis()
    const workers = Array.from({ length: jobs }, () => startWorker(redis.url))
    await Promise.all(workers.map((worker) => worker.ready))
    const queued = await build(folder, formats, ['--queue', redis.url])
    for (const worker of workers) worker.child.kill('SIGTERM')
    redis.stop()
    const built = (run) => run.report.summary.built + run.report.summary.upToDate
    // The queue's share: the run's wall time times the workers, less the time the jobs took in them
    // (enqueueing, a worker fetching and acknowledging a job, the client noticing it finished).
    const jobMs = workers.flatMap((worker) => worker.jobs).reduce((sum, job) => sum + job.ms, 0)
    const overhead = (queued.seconds * 1000 * jobs - jobMs) / size
    console.log(
      `  ${jobs} ${jobs === 1 ? 'worker ' : 'workers'}: in-process pool (--jobs ${jobs}) ${(built(local) / local.seconds).toFixed(1)} articles/s (${local.seconds.toFixed(1)} s); ` +
        `queue ${(built(queued) / queued.seconds).toFixed(1)} articles/s (${queued.seconds.toFixed(1)} s); ` +
        `queue overhead ${overhead.toFixed(1)} ms per job (wall time x workers - time in jobs)`,
    )
  }
  rmSync(folder, { recursive: true, force: true })
}
