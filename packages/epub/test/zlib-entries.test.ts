/**
 * The zip writer: entries are deflated by Node's zlib (handed to JSZip as already-compressed entries),
 * not by JSZip's JavaScript deflate, and the book reads back whole.
 */
import { deflateRawSync, inflateRawSync } from 'node:zlib'
import JSZip from 'jszip'
import { describe, expect, it } from 'vitest'
import { PressroomEpub } from '../src/lib/writer.js'

const text = Array.from(
  { length: 400 },
  (_, i) => `<p id="p${i}">Paragraph ${i}: desalination, tariffs and the council's vote.</p>`,
).join('\n')
const picture = new Uint8Array(4096).map((_, i) => (i * 7919) % 251)

async function book(): Promise<Uint8Array> {
  return new PressroomEpub({
    title: 'Zip',
    language: 'en',
    date: new Date('2024-01-18T21:00:00Z'),
    files: [
      { path: 'content.opf', data: '<package/>', compress: true },
      { path: 'text.xhtml', data: text, compress: true },
      { path: 'images/p.png', data: picture, compress: false },
    ],
  }).toBytes()
}

describe('PressroomEpub zip', () => {
  it("deflates with Node's zlib (level 6), stores pictures, and reads back whole", async () => {
    const bytes = await book()
    const zip = await JSZip.loadAsync(bytes)
    const entry = zip.file('OEBPS/text.xhtml') as unknown as {
      _data: { compressedContent: Uint8Array }
    }
    // The bytes in the zip are zlib's own deflate of the text (JSZip's pako deflates differently).
    expect(Buffer.from(entry._data.compressedContent)).toEqual(
      deflateRawSync(Buffer.from(text), { level: 6 }),
    )
    expect(inflateRawSync(entry._data.compressedContent).toString('utf8')).toBe(text)
    expect(await zip.file('OEBPS/text.xhtml')?.async('string')).toBe(text)
    expect(await zip.file('OEBPS/images/p.png')?.async('uint8array')).toEqual(picture)
    const stored = zip.file('OEBPS/images/p.png') as unknown as {
      _data: { compression: { magic: string } }
    }
    expect(stored._data.compression.magic).toBe('\x00\x00')
    // mimetype first and stored, as OCF requires.
    expect(Buffer.from(bytes.subarray(30, 38)).toString('latin1')).toBe('mimetype')
    expect(Object.keys(zip.files)[0]).toBe('mimetype')
  })

  it('gives the same bytes every time', async () => {
    expect(Buffer.from(await book())).toEqual(Buffer.from(await book()))
  })
})
