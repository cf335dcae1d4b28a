import { mkdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs'
import path from 'node:path'

/** Another process is delivering from the same state folder. */
export class LockedError extends Error {
  override name = 'LockedError'
  constructor(
    message: string,
    readonly pid: number,
  ) {
    super(message)
  }
}

function alive(pid: number): boolean {
  try {
    process.kill(pid, 0)
    return true
  } catch (error) {
    return (error as NodeJS.ErrnoException).code === 'EPERM'
  }
}

/**
 * Take the delivery lock of a state folder (`<dir>/delivery.lock`, holding
 * the process id), so two runs never send the same queue at once. A lock left
 * by a process that no longer runs (killed with -9) is taken over. Throws
 * `LockedError` while another live process holds it. Returns the release.
 */
export function lockState(dir: string): () => void {
  mkdirSync(dir, { recursive: true })
  const file = path.join(dir, 'delivery.lock')
  for (let tries = 0; tries < 3; tries++) {
    try {
      writeFileSync(file, String(process.pid), { flag: 'wx' })
      return () => rmSync(file, { force: true })
    } catch (error) {
      if ((error as NodeJS.ErrnoException).code !== 'EEXIST') throw error
      const pid = Number(readFileSync(file, 'utf8').trim())
      if (Number.isInteger(pid) && pid > 0 && pid !== process.pid && alive(pid))
        throw new LockedError(
          `another delivery run (process ${pid}) is using ${dir}; wait for it to finish`,
          pid,
        )
      // Stale: its process is gone.
      rmSync(file, { force: true })
    }
  }
  throw new LockedError(`cannot take the delivery lock in ${dir}`, 0)
}
