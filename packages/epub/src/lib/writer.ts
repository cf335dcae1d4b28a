/**
 * The OCF container (EPUB's ZIP): `mimetype` first and stored, then
 * `META-INF/container.xml` and every file under `OEBPS/`, in the order given.
 * Written here with Node's own zlib (native deflate, one entry at a time)
 * rather than by a JavaScript deflate: the bytes depend only on the files and
 * the date, never on the clock, the time zone or the machine.
 */
import * as zlib from 'node:zlib'

/** A file of the book, path relative to `OEBPS/`. */
export interface BookFile {
  path: string
  data: string | Uint8Array
  /** Deflate it (text, fonts) or store it (JPEG/PNG/GIF are compressed already). */
  compress: boolean
}

export interface BookFiles {
  /** Every file under `OEBPS/`, `content.opf` included, in the order to write them. */
  files: BookFile[]
  /** Date written into every zip entry (the book's `dcterms:modified`), read in UTC. */
  date: Date
}

const CONTAINER_XML =
  '<?xml version="1.0" encoding="UTF-8"?>\n<container version="1.0" xmlns="urn:oasis:names:tc:opendocument:xmlns:container"><rootfiles><rootfile full-path="OEBPS/content.opf" media-type="application/oebps-package+xml"/></rootfiles></container>\n'

const MIMETYPE = 'application/epub+zip'

const encoder = new TextEncoder()

/** CRC-32 (ISO 3309): Node's native one where there is one (Node 20.15+, 22.2+), else a table. */
const crc32: (data: Uint8Array) => number =
  typeof (zlib as { crc32?: unknown }).crc32 === 'function'
    ? (data) => (zlib as unknown as { crc32(data: Uint8Array): number }).crc32(data) >>> 0
    : tableCrc32

let table: Uint32Array | undefined
function tableCrc32(data: Uint8Array): number {
  if (!table) {
    table = new Uint32Array(256)
    for (let n = 0; n < 256; n++) {
      let c = n
      for (let k = 0; k < 8; k++) c = c & 1 ? 0xedb88320 ^ (c >>> 1) : c >>> 1
      table[n] = c >>> 0
    }
  }
  let crc = 0xffffffff
  for (let i = 0; i < data.length; i++)
    crc = (table[(crc ^ (data[i] as number)) & 0xff] as number) ^ (crc >>> 8)
  return (crc ^ 0xffffffff) >>> 0
}

/** MS-DOS time and date of `date`, in UTC (so the same in every time zone); 1980-2107 only. */
function dosDateTime(date: Date): { time: number; date: number } {
  return {
    time: (date.getUTCHours() << 11) | (date.getUTCMinutes() << 5) | (date.getUTCSeconds() >> 1),
    date:
      ((date.getUTCFullYear() - 1980) << 9) | ((date.getUTCMonth() + 1) << 5) | date.getUTCDate(),
  }
}

interface Entry {
  name: Uint8Array
  /** General purpose flags: bit 11 when the name is not plain ASCII (UTF-8 names). */
  flags: number
  method: 0 | 8
  crc: number
  size: number
  data: Uint8Array
  offset: number
}

function entry(path: string, content: string | Uint8Array, compress: boolean): Entry {
  const bytes = typeof content === 'string' ? encoder.encode(content) : content
  const name = encoder.encode(path)
  // Deflate only when it saves something; an empty file is always stored.
  let data: Uint8Array = bytes
  let method: 0 | 8 = 0
  if (compress && bytes.length > 0) {
    const deflated = zlib.deflateRawSync(bytes, { level: 6 })
    if (deflated.length < bytes.length) {
      data = deflated
      method = 8
    }
  }
  return {
    name,
    flags: name.length === path.length ? 0 : 0x0800,
    method,
    crc: crc32(bytes),
    size: bytes.length,
    data,
    offset: 0,
  }
}

/**
 * The EPUB's bytes: a ZIP (no ZIP64, no data descriptors, no extra fields,
 * no comments, no directory entries) with `mimetype` first and stored, as
 * OCF requires, then `META-INF/container.xml`, then `OEBPS/<path>` for each
 * file in order. Every entry has the same date (`book.date`, read in UTC).
 */
export function writeEpub(book: BookFiles): Uint8Array {
  const entries = [
    entry('mimetype', MIMETYPE, false),
    entry('META-INF/container.xml', CONTAINER_XML, true),
    ...book.files.map((file) => entry(`OEBPS/${file.path}`, file.data, file.compress)),
  ]
  const when = dosDateTime(book.date)
  let size = 22
  for (const item of entries) size += 30 + 46 + 2 * item.name.length + item.data.length
  if (size > 0xffffffff || entries.length > 0xffff)
    throw new RangeError(
      'writeEpub: the book is too large for a ZIP without ZIP64 (4 GB, 65,535 files)',
    )
  const out = new Uint8Array(size)
  const view = new DataView(out.buffer)
  let at = 0
  const u16 = (value: number) => {
    view.setUint16(at, value, true)
    at += 2
  }
  const u32 = (value: number) => {
    view.setUint32(at, value >>> 0, true)
    at += 4
  }
  const bytes = (value: Uint8Array) => {
    out.set(value, at)
    at += value.length
  }
  // Version needed to extract: 2.0 for deflate, 1.0 for stored; made by MS-DOS (0), 2.0.
  const needed = (item: Entry) => (item.method === 8 ? 20 : 10)
  for (const item of entries) {
    item.offset = at
    u32(0x04034b50)
    u16(needed(item))
    u16(item.flags)
    u16(item.method)
    u16(when.time)
    u16(when.date)
    u32(item.crc)
    u32(item.data.length)
    u32(item.size)
    u16(item.name.length)
    u16(0)
    bytes(item.name)
    bytes(item.data)
  }
  const directory = at
  for (const item of entries) {
    u32(0x02014b50)
    u16(20)
    u16(needed(item))
    u16(item.flags)
    u16(item.method)
    u16(when.time)
    u16(when.date)
    u32(item.crc)
    u32(item.data.length)
    u32(item.size)
    u16(item.name.length)
    u16(0) // extra field
    u16(0) // comment
    u16(0) // disk number
    u16(0) // internal attributes
    u32(0) // external attributes
    u32(item.offset)
    bytes(item.name)
  }
  const directorySize = at - directory
  u32(0x06054b50)
  u16(0)
  u16(0)
  u16(entries.length)
  u16(entries.length)
  u32(directorySize)
  u32(directory)
  u16(0)
  return out
}
