import type { Destination } from '../config.js'
import { folderSender } from './folder.js'
import { httpSender } from './http.js'
import { sftpSender } from './sftp.js'
import type { Sender } from './types.js'

/** A sender for a destination. */
export function createSender(destination: Destination): Sender {
  if (destination.type === 'http') return httpSender(destination)
  if (destination.type === 'sftp') return sftpSender(destination)
  return folderSender(destination)
}
