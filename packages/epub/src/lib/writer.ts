import { deflateRawSync } from 'node:zlib'
import { EPub } from 'epub-gen-memory'
import JSZip from 'jszip'
import CompressedObject from 'jszip/lib/compressedObject.js'
import { DEFLATE } from 'jszip/lib/compressions.js'
import crc32 from 'jszip/lib/crc32.js'

/** A file of the book, path relative to `OEBPS/`. */
export interface BookFile {
  path: string
  data: string | Uint8Array
  /** Deflate it (text, fonts) or store it (JPEG/PNG/GIF are compressed already). */
  compress: boolean
}

export interface BookFiles {
  /** Title for epub-gen-memory's option validation (the real metadata is in `content.opf`). */
  title: string
  language: string
  /** Every file under `OEBPS/`, `content.opf` included, in the order to write them. */
  files: BookFile[]
  /** Date written into every zip entry (the book's `dcterms:modified`). */
  date: Date
}

const CONTAINER_XML =
  '<?xml version="1.0" encoding="UTF-8"?>\n<container version="1.0" xmlns="urn:oasis:names:tc:opendocument:xmlns:container"><rootfiles><rootfile full-path="OEBPS/content.opf" media-type="application/oebps-package+xml"/></rootfiles></container>\n'

/**
 * epub-gen-memory with every step that reads the clock, the network or a
 * random number replaced:
 *
 * - `generateTemplateFiles` writes our own documents (its templates would add a
 *   random identifier, the current date, a TOC first in the spine, `xml:lang="en"`);
 * - `downloadAllImages`, `downloadAllFonts` and `makeCover` never call
 *   node-fetch: the bytes are already in `BookFiles` (from `article.images`
 *   and the package's own font files);
 * - every zip entry gets the same fixed date, so the output is byte-identical.
 *
 * What remains of the library is its OCF container handling (the `mimetype`
 * entry first and stored, `META-INF/container.xml`, the JSZip writer). The
 * entries to compress are deflated by Node's zlib (native) and handed to JSZip
 * as already-compressed entries, which it copies as they are: its own deflate
 * (pako, in JavaScript) took ~15 ms an article warm and ~100 ms cold, most of
 * the EPUB writer's time.
 */
export class PressroomEpub extends EPub {
  readonly #book: BookFiles

  constructor(book: BookFiles) {
    // No chapters: ours are complete XHTML documents already, and the library's
    // HTML normaliser would strip valid attributes (`start`, `scope`, `datetime`).
    super(
      {
        title: book.title,
        lang: book.language,
        date: book.date.toISOString(),
        description: book.title,
        tocInTOC: false,
        verbose: false,
        ignoreFailedDownloads: false,
      },
      [],
    )
    this.#book = book
  }

  protected override async generateTemplateFiles(): Promise<void> {
    const date = this.#book.date
    // Our entries are JSZip's own only when epub-gen-memory's JSZip is the one this package loads (one
    // installed copy, as npm installs it); with another copy JSZip deflates them itself.
    const native = this.zip instanceof JSZip
    const add = (name: string, data: string | Uint8Array, compress: boolean, folders: boolean) => {
      const ready = compress && native
      this.zip.file(name, ready ? deflatedEntry(data) : data, {
        date,
        binary: ready || typeof data !== 'string',
        compression: compress ? 'DEFLATE' : 'STORE',
        createFolders: folders,
      })
    }
    add('META-INF/container.xml', CONTAINER_XML, true, true)
    for (const file of this.#book.files) add(`OEBPS/${file.path}`, file.data, file.compress, false)
  }

  /** Fonts are in `BookFiles` already: nothing is downloaded. */
  protected override async downloadAllFonts(): Promise<void> {}

  /** Images are in `BookFiles` already: nothing is downloaded. */
  protected override async downloadAllImages(): Promise<void> {}

  /** The cover is one of our documents: nothing is downloaded. */
  protected override async makeCover(): Promise<void> {}

  /** Build the zip: the same `BookFiles` always give the same bytes. */
  async toBytes(): Promise<Uint8Array> {
    await this.render()
    const date = this.#book.date
    for (const entry of Object.values(this.zip.files)) entry.date = date
    return this.zip.generateAsync({
      type: 'uint8array',
      mimeType: 'application/epub+zip',
      compression: 'DEFLATE',
      compressionOptions: { level: 6 },
    })
  }
}

/** An entry deflated by zlib at JSZip's level (6), as JSZip's own already-compressed entry. */
function deflatedEntry(data: string | Uint8Array): Uint8Array {
  const bytes = typeof data === 'string' ? Buffer.from(data, 'utf8') : data
  const compressed = deflateRawSync(bytes, { level: 6 })
  // JSZip reads the entry's data through `instanceof CompressedObject` from its own module: the same
  // file here, unbundled (one installed jszip) and bundled (one module per path).
  return new CompressedObject(
    compressed.length,
    bytes.length,
    crc32(bytes),
    DEFLATE,
    compressed,
  ) as unknown as Uint8Array
}
