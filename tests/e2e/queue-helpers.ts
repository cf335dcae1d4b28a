// A real redis-server and real `pressroom worker` processes for the queue tests (issue 14).
import { type ChildProcess, spawn, spawnSync } from 'node:child_process'
import { readdirSync, statSync } from 'node:fs'
import { createServer } from 'node:net'
import path from 'node:path'
import { bin, root, temp } from '@pressroom/test-helpers'

export function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const server = createServer()
    server.once('error', reject)
    server.listen(0, '127.0.0.1', () => {
      const { port } = server.address() as { port: number }
      server.close(() => resolve(port))
    })
  })
}

export interface Redis {
  url: string
  port: number
  stop(): Promise<void>
  /** Stop it and start it again on the same port (its data gone: `--save ""`). */
  restart(): Promise<void>
}

function startRedisOn(port: number, dir: string): Promise<ChildProcess> {
  return new Promise((resolve, reject) => {
    const child = spawn('redis-server', [
      '--port',
      String(port),
      '--bind',
      '127.0.0.1',
      '--dir',
      dir,
      '--save',
      '',
      '--appendonly',
      'no',
      '--daemonize',
      'no',
    ])
    let output = ''
    const timer = setTimeout(() => reject(new Error(`redis did not start: ${output}`)), 20_000)
    child.stdout?.on('data', (chunk) => {
      output += chunk
      if (output.includes('Ready to accept connections')) {
        clearTimeout(timer)
        resolve(child)
      }
    })
    child.on('exit', (code) => reject(new Error(`redis exited (${code}): ${output}`)))
  })
}

function stopChild(child: ChildProcess, signal: NodeJS.Signals = 'SIGTERM'): Promise<void> {
  return new Promise((resolve) => {
    if (child.exitCode !== null || child.signalCode !== null) return resolve()
    child.once('exit', () => resolve())
    child.kill(signal)
  })
}

export async function startRedis(): Promise<Redis> {
  const dir = temp('pressroom-redis-')
  const port = await freePort()
  let child = await startRedisOn(port, dir)
  return {
    url: `redis://127.0.0.1:${port}`,
    port,
    stop: () => stopChild(child),
    async restart() {
      await stopChild(child)
      child = await startRedisOn(port, dir)
    },
  }
}

export interface WorkerProcess {
  child: ChildProcess
  /** The finished jobs it reported, one per line of its stdout. */
  done: Array<{ job: string; status: string }>
  stderr: () => string
  exited: Promise<number | null>
}

export function startWorker(
  url: string,
  extra: string[] = [],
  env: Record<string, string> = {},
): WorkerProcess {
  const child = spawn(process.execPath, [bin, 'worker', '--queue', url, ...extra], {
    cwd: root,
    env: { ...process.env, FORCE_COLOR: '0', NO_COLOR: '1', ...env },
  })
  const done: WorkerProcess['done'] = []
  let buffer = ''
  let errors = ''
  child.stdout?.on('data', (chunk) => {
    buffer += chunk
    const lines = buffer.split('\n')
    buffer = lines.pop() ?? ''
    for (const line of lines) if (line.trim()) done.push(JSON.parse(line))
  })
  child.stderr?.on('data', (chunk) => {
    errors += chunk
  })
  const exited = new Promise<number | null>((resolve) => child.on('exit', (code) => resolve(code)))
  return { child, done, stderr: () => errors, exited }
}

export async function stopWorkers(workers: WorkerProcess[]): Promise<void> {
  await Promise.all(workers.map((worker) => stopChild(worker.child, 'SIGKILL')))
}

export async function waitFor(test: () => boolean, timeoutMs = 300_000): Promise<void> {
  const started = Date.now()
  while (!test()) {
    if (Date.now() - started > timeoutMs) throw new Error('timed out waiting')
    await new Promise((resolve) => setTimeout(resolve, 100))
  }
}

/** Every file under a folder (held articles' too; not the cache and temporary files). */
export function outputFiles(folder: string): string[] {
  const files: string[] = []
  for (const name of readdirSync(folder)) {
    if (name.startsWith('.pressroom-')) continue
    const full = path.join(folder, name)
    if (statSync(full).isDirectory()) files.push(...outputFiles(full))
    else files.push(full)
  }
  return files
}

/** Each EPUB opens as a whole zip (`unzip -t`), each PDF passes `qpdf --check`: the problems. */
export function wholeness(files: string[]): string[] {
  const problems: string[] = []
  for (const file of files) {
    if (file.endsWith('.epub')) {
      const run = spawnSync('unzip', ['-tq', file], { encoding: 'utf8' })
      if (run.status !== 0) problems.push(`${file}: ${run.stdout}${run.stderr}`)
    } else if (file.endsWith('.pdf')) {
      const run = spawnSync('qpdf', ['--check', file], { encoding: 'utf8' })
      if (run.status !== 0) problems.push(`${file}: ${run.stdout}${run.stderr}`)
    }
  }
  return problems
}
