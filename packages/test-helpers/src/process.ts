import { spawnSync } from 'node:child_process'
import { mkdtempSync, writeFileSync } from 'node:fs'
import { tmpdir } from 'node:os'
import path from 'node:path'
import { bin, root } from './paths.js'

/** What a finished process gave. */
export interface Run {
  status: number | null
  stdout: string
  stderr: string
}

/**
 * Run the built `pressroom` CLI from the repository root. `timeoutMs` (default 10 minutes) kills a
 * run that hangs, so that a test fails with a message instead of hanging the suite; it is a safety
 * net, never a speed assertion.
 */
export function pressroom(
  args: string[],
  options: { cwd?: string; env?: Record<string, string>; timeoutMs?: number } = {},
): Run {
  const result = spawnSync(process.execPath, [bin, ...args], {
    cwd: options.cwd ?? root,
    encoding: 'utf8',
    timeout: options.timeoutMs ?? 600_000,
    killSignal: 'SIGKILL',
    env: { ...process.env, FORCE_COLOR: '0', NO_COLOR: '1', ...options.env },
    maxBuffer: 256 * 1024 * 1024,
  })
  if (result.error) throw result.error
  return { status: result.status, stdout: result.stdout, stderr: result.stderr }
}

/** A new temporary folder. */
export function temp(prefix = 'pressroom-test-'): string {
  return mkdtempSync(path.join(tmpdir(), prefix))
}

/** Run a tool; throws with its stderr when it fails, unless `allowFail`. */
export function tool(command: string, args: string[], allowFail = false): Run {
  const result = spawnSync(command, args, { encoding: 'utf8', maxBuffer: 64 * 1024 * 1024 })
  if (result.error) throw result.error
  if (!allowFail && result.status !== 0)
    throw new Error(
      `${command} ${args.join(' ')} exited ${result.status}:\n${result.stderr}\n${result.stdout}`,
    )
  return { status: result.status, stdout: result.stdout, stderr: result.stderr }
}

/**
 * Run a tool (poppler, qpdf) and return what it printed: stdout, and when it fails its stderr
 * and `EXIT <status>` appended, for a test to match on. Never throws for a failing tool.
 */
export function output(command: string, args: string[]): string {
  const result = tool(command, args, true)
  return result.status === 0
    ? result.stdout
    : `${result.stdout}${result.stderr}\nEXIT ${result.status}`
}

let tempFolder: string | undefined
let count = 0

/** Write bytes to a new file in a temporary folder (one per process) and return its path. */
export function toFile(bytes: Uint8Array, extension = 'pdf'): string {
  tempFolder ??= temp('pressroom-files-')
  const file = path.join(tempFolder, `out-${++count}.${extension}`)
  writeFileSync(file, bytes)
  return file
}
