import { spawnSync } from 'node:child_process'
import { mkdtempSync } from 'node:fs'
import { tmpdir } from 'node:os'
import path from 'node:path'
import { fileURLToPath } from 'node:url'

export const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..')
export const bin = path.join(root, 'apps/cli/bin/pressroom.js')
export const fixtures = path.join(root, 'tests/fixtures')

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

export function temp(prefix = 'pressroom-e2e-'): string {
  return mkdtempSync(path.join(tmpdir(), prefix))
}

/** Run a tool; returns stdout (throws with stderr on failure unless allowed). */
export function tool(command: string, args: string[], allowFail = false): Run {
  const result = spawnSync(command, args, { encoding: 'utf8', maxBuffer: 64 * 1024 * 1024 })
  if (result.error) throw result.error
  if (!allowFail && result.status !== 0)
    throw new Error(
      `${command} ${args.join(' ')} exited ${result.status}:\n${result.stderr}\n${result.stdout}`,
    )
  return { status: result.status, stdout: result.stdout, stderr: result.stderr }
}
