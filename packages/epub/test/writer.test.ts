import JSZip from 'jszip'
import { describe, expect, it } from 'vitest'
import { writeEpub } from '../src/lib/writer.js'

const date = new Date(Date.UTC(2024, 0, 18, 21, 0, 0))
const text = '<p>Some text that deflates well. '.repeat(50)

function book() {
  return writeEpub({
    date,
    files: [
      { path: 'content.opf', data: text, compress: true },
      { path: 'images/photo.jpg', data: new Uint8Array([0xff, 0xd8, 0xff, 0xd9]), compress: false },
      { path: 'empty.css', data: '', compress: true },
      { path: 'tiny.txt', data: 'x', compress: true },
      { path: 'é.xhtml', data: 'accent', compress: true },
    ],
  })
}

describe('writeEpub (the OCF container)', () => {
  it('starts with the mimetype entry, stored, with no extra field (OCF)', () => {
    const bytes = book()
    const view = new DataView(bytes.buffer, bytes.byteOffset, bytes.byteLength)
    expect(view.getUint32(0, true)).toBe(0x04034b50)
    expect(view.getUint16(8, true)).toBe(0) // stored
    expect(view.getUint16(26, true)).toBe('mimetype'.length)
    expect(view.getUint16(28, true)).toBe(0) // no extra field
    expect(Buffer.from(bytes.subarray(30, 58)).toString('latin1')).toBe(
      'mimetypeapplication/epub+zip',
    )
  })

  it('is a zip that unzips to the same files, in order, with their CRCs and one date', async () => {
    const zip = await JSZip.loadAsync(book(), { checkCRC32: true })
    expect(Object.keys(zip.files)).toEqual([
      'mimetype',
      'META-INF/container.xml',
      'OEBPS/content.opf',
      'OEBPS/images/photo.jpg',
      'OEBPS/empty.css',
      'OEBPS/tiny.txt',
      'OEBPS/é.xhtml',
    ])
    expect(await zip.file('OEBPS/content.opf')?.async('string')).toBe(text)
    expect([...((await zip.file('OEBPS/images/photo.jpg')?.async('uint8array')) ?? [])]).toEqual([
      0xff, 0xd8, 0xff, 0xd9,
    ])
    expect(await zip.file('OEBPS/empty.css')?.async('string')).toBe('')
    expect(await zip.file('OEBPS/tiny.txt')?.async('string')).toBe('x')
    expect(await zip.file('OEBPS/é.xhtml')?.async('string')).toBe('accent')
    expect(await zip.file('META-INF/container.xml')?.async('string')).toContain(
      'full-path="OEBPS/content.opf"',
    )
    for (const entry of Object.values(zip.files)) expect(entry.date.getTime()).toBe(date.getTime())
  })

  it('deflates what gains from it and stores the rest', () => {
    // Walk the local headers (no data descriptors: sizes are in each header).
    const bytes = book()
    const view = new DataView(bytes.buffer, bytes.byteOffset, bytes.byteLength)
    const methods = new Map<string, number>()
    let at = 0
    while (view.getUint32(at, true) === 0x04034b50) {
      const size = view.getUint32(at + 18, true)
      const nameLength = view.getUint16(at + 26, true)
      const extra = view.getUint16(at + 28, true)
      const name = Buffer.from(bytes.subarray(at + 30, at + 30 + nameLength)).toString('utf8')
      methods.set(name, view.getUint16(at + 8, true))
      at += 30 + nameLength + extra + size
    }
    expect(methods.get('OEBPS/content.opf')).toBe(8)
    expect(methods.get('META-INF/container.xml')).toBe(8)
    expect(methods.get('OEBPS/images/photo.jpg')).toBe(0)
    expect(methods.get('OEBPS/empty.css')).toBe(0)
    expect(methods.get('OEBPS/tiny.txt')).toBe(0)
    expect(methods.size).toBe(7)
  })

  it('gives the same bytes for the same files', () => {
    expect(Buffer.from(book()).equals(Buffer.from(book()))).toBe(true)
  })
})
