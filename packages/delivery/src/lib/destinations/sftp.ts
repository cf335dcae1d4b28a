import { readFile } from 'node:fs/promises'
import path from 'node:path'
import SftpClient from 'ssh2-sftp-client'
import type { SftpDestination } from '../config.js'
import { DeliveryError } from '../errors.js'
import type { Sender, Shipment } from './types.js'

/**
 * An SFTP server (key-based login): each file is uploaded as `NAME.part` and
 * renamed into place (`posix-rename`, which replaces an older version at
 * once), so a partner never reads half a file. One connection per partner,
 * opened again after an error.
 */
export function sftpSender(destination: SftpDestination): Sender {
  let client: SftpClient | undefined
  let key: Buffer | undefined

  const connect = async (): Promise<SftpClient> => {
    if (client) return client
    try {
      key ??= await readFile(destination.keyFile)
    } catch (error) {
      throw new DeliveryError(
        `cannot read the key file ${destination.keyFile}: ${(error as Error).message}`,
        {
          retryable: false,
        },
      )
    }
    const fresh = new SftpClient('pressroom')
    try {
      await fresh.connect({
        host: destination.host,
        port: destination.port,
        username: destination.username,
        privateKey: key,
        readyTimeout: destination.connectTimeoutMs,
        retries: 0,
      })
    } catch (error) {
      await fresh.end().catch(() => {})
      const message = (error as Error).message
      throw new DeliveryError(`sftp ${destination.host}:${destination.port}: ${message}`, {
        // A refused key will be refused again; a server that is down may come back.
        retryable: !/authentication|All configured authentication methods failed/i.test(message),
        cause: error,
      })
    }
    client = fresh
    return fresh
  }

  return {
    async send(shipment: Shipment) {
      const sftp = await connect()
      try {
        const made = new Set<string>()
        for (const file of shipment.files) {
          const target = path.posix.join(destination.path, file.name)
          const folder = path.posix.dirname(target)
          if (!made.has(folder)) {
            if (!(await sftp.exists(folder))) await sftp.mkdir(folder, true)
            made.add(folder)
          }
          const data =
            file.text !== undefined ? Buffer.from(file.text) : await readFile(file.source as string)
          await sftp.put(data, `${target}.part`)
          await sftp.posixRename(`${target}.part`, target)
        }
        return {}
      } catch (error) {
        if (error instanceof DeliveryError) throw error
        // Drop the connection: the next attempt opens a new one.
        const broken = client
        client = undefined
        await broken?.end().catch(() => {})
        const code = (error as NodeJS.ErrnoException).code
        throw new DeliveryError(
          `sftp ${destination.host}:${destination.port}: ${(error as Error).message}`,
          {
            retryable: code !== 'ENOENT' || !String((error as Error).message).includes('read'),
            cause: error,
          },
        )
      }
    },
    async close() {
      const open = client
      client = undefined
      await open?.end().catch(() => {})
    },
  }
}
