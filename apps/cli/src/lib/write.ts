import { randomBytes } from 'node:crypto'
import { mkdir, readdir, rename, rm, stat, writeFile } from 'node:fs/promises'
import path from 'node:path'

/** Prefix of temporary files: anything starting with it in the output folder is ours to delete. */
export const tempPrefix = '.pressroom-tmp-'

const pending = new Set<string>()

/**
 * Write a file atomically: into a temporary file beside it, then renamed into
 * place. An interrupted run leaves either the old file or the new one, never
 * half of one.
 */
export async function writeFileAtomic(file: string, data: Uint8Array | string): Promise<void> {
  const folder = path.dirname(file)
  await mkdir(folder, { recursive: true })
  const temp = path.join(
    folder,
    `${tempPrefix}${path.basename(file)}-${process.pid}-${randomBytes(4).toString('hex')}`,
  )
  pending.add(temp)
  try {
    await writeFile(temp, data)
    await rename(temp, file)
  } catch (error) {
    await rm(temp, { force: true })
    throw error
  } finally {
    pending.delete(temp)
  }
}

/** Delete the temporary files this process has open (on Ctrl-C). */
export async function removePending(): Promise<void> {
  await Promise.all([...pending].map((temp) => rm(temp, { force: true })))
}

/**
 * Delete temporary files left by an earlier, killed run (two levels deep). With `olderThanMs`, only
 * those older than that: in a folder shared with live workers, their files being written now stay.
 */
export async function sweepTemporaryFiles(
  folder: string,
  options: { depth?: number; olderThanMs?: number } = {},
): Promise<number> {
  const { depth = 2, olderThanMs } = options
  let removed = 0
  let entries: import('node:fs').Dirent[]
  try {
    entries = await readdir(folder, { withFileTypes: true })
  } catch {
    return 0
  }
  for (const entry of entries) {
    const full = path.join(folder, entry.name)
    if (entry.name.startsWith(tempPrefix)) {
      if (olderThanMs !== undefined) {
        const modified = (await stat(full).catch(() => undefined))?.mtimeMs ?? Date.now()
        if (Date.now() - modified <= olderThanMs) continue
      }
      await rm(full, { force: true, recursive: true })
      removed++
    } else if (entry.isDirectory() && depth > 0) {
      removed += await sweepTemporaryFiles(full, { depth: depth - 1, olderThanMs })
    }
  }
  return removed
}
