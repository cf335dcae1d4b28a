import { createHash } from 'node:crypto'

/**
 * A name-based `urn:uuid:` (RFC 9562 layout, version 5 bits over SHA-256 instead
 * of SHA-1): the same members in the same order always give the same id.
 */
export function collectionIdentifier(memberIds: readonly string[]): string {
  const hash = createHash('sha256')
    .update('pressroom-epub-collection\n')
    .update(memberIds.join('\n'))
    .digest()
  const bytes = Uint8Array.from(hash.subarray(0, 16))
  bytes[6] = ((bytes[6] ?? 0) & 0x0f) | 0x50
  bytes[8] = ((bytes[8] ?? 0) & 0x3f) | 0x80
  const hex = Buffer.from(bytes).toString('hex')
  return `urn:uuid:${hex.slice(0, 8)}-${hex.slice(8, 12)}-${hex.slice(12, 16)}-${hex.slice(16, 20)}-${hex.slice(20)}`
}
