import { randomBytes } from 'node:crypto'
import { copyFile, mkdir, rename, rm, writeFile } from 'node:fs/promises'
import path from 'node:path'
import type { FolderDestination } from '../config.js'
import { DeliveryError } from '../errors.js'
import type { Sender, Shipment } from './types.js'

/** A drop folder: each file is written beside its place under a temporary name, then renamed. */
export function folderSender(destination: FolderDestination): Sender {
  return {
    async send(shipment: Shipment) {
      for (const file of shipment.files) {
        const target = path.join(destination.path, file.name)
        const relative = path.relative(destination.path, target)
        if (relative.startsWith('..') || path.isAbsolute(relative))
          throw new DeliveryError(`refusing to write outside the drop folder: ${file.name}`, {
            retryable: false,
          })
        const temporary = path.join(
          path.dirname(target),
          `.${path.basename(target)}.${randomBytes(4).toString('hex')}.part`,
        )
        try {
          await mkdir(path.dirname(target), { recursive: true })
          if (file.text !== undefined) await writeFile(temporary, file.text)
          else if (file.source) await copyFile(file.source, temporary)
          await rename(temporary, target)
        } catch (error) {
          await rm(temporary, { force: true })
          const code = (error as NodeJS.ErrnoException).code
          throw new DeliveryError(`cannot write ${target}: ${(error as Error).message}`, {
            // A missing rendition or a refused folder will not fix itself; a full disk might.
            retryable: code === 'ENOSPC' || code === 'EBUSY' || code === 'EAGAIN',
            cause: error,
          })
        }
      }
      return {}
    },
    async close() {},
  }
}
