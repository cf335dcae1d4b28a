/**
 * The EPUB renderer's cover cache, on disk: `<out>/.pressroom-cache/covers/<key>.jpg`. The key
 * hashes everything a cover depends on (the renderer makes it), so a file found is the very JPEG a
 * fresh render would give; a file that cannot be read is drawn again. Written atomically, so two
 * workers drawing the same cover never leave half a file.
 */
import { mkdir, readFile } from 'node:fs/promises'
import path from 'node:path'
import type { CoverCache } from '@pressroom/epub'
import { writeFileAtomic } from './write.js'

export function folderCoverCache(folder: string): CoverCache {
  const file = (key: string) => path.join(folder, `${key.replace(/[^\w-]/g, '_')}.jpg`)
  return {
    async get(key) {
      try {
        return new Uint8Array(await readFile(file(key)))
      } catch {
        return undefined
      }
    },
    async set(key, bytes) {
      await mkdir(folder, { recursive: true })
      await writeFileAtomic(file(key), bytes)
    },
  }
}
