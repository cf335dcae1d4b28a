import JSZip from 'jszip'
import { describe, expect, it } from 'vitest'
import { type BookFile, PressroomEpub } from '../src/lib/writer.js'

const writeEpub = (book: { date: Date; files: BookFile[] }) =>
  new PressroomEpub({ title: 'T', language: 'en', ...book }).toBytes()

const date = new Date(Date.UTC(2024, 0, 18, 21, 0, 0))
const text = '<p>Some text that deflates well. '.repeat(50)

async function book() {
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

describe('the OCF container (epub-gen-memory with fixed dates)', () => {
  it('starts with the mimetype entry, stored, with no extra field (OCF)', async () => {
    const bytes = await book()
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
    const zip = await JSZip.loadAsync(await book(), { checkCRC32: true })
    // Folder entries (`META-INF/`, `OEBPS/`) as JSZip writes them aside, the files in order.
    expect(Object.keys(zip.files).filter((name) => !name.endsWith('/'))).toEqual([
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

  it('gives the same bytes for the same files', async () => {
    expect(Buffer.from(await book()).equals(Buffer.from(await book()))).toBe(true)
  })
})
