import { spawn } from 'node:child_process'
import { bin, type Run, root } from '@pressroom/test-helpers'

/**
 * Run the built CLI without blocking the event loop (the partner servers of
 * the test run in this process). `onSpawn` gets the child (to kill it).
 */
export function pressroomAsync(
  args: string[],
  options: { cwd?: string; env?: Record<string, string>; onSpawn?: (pid: number) => void } = {},
): Promise<Run & { signal: NodeJS.Signals | null }> {
  return new Promise((resolve, reject) => {
    const child = spawn(process.execPath, [bin, ...args], {
      cwd: options.cwd ?? root,
      env: { ...process.env, FORCE_COLOR: '0', NO_COLOR: '1', ...options.env },
    })
    let stdout = ''
    let stderr = ''
    child.stdout.on('data', (chunk) => {
      stdout += chunk
    })
    child.stderr.on('data', (chunk) => {
      stderr += chunk
    })
    child.on('error', reject)
    if (child.pid) options.onSpawn?.(child.pid)
    child.on('close', (status, signal) => resolve({ status, signal, stdout, stderr }))
  })
}
