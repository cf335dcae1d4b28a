/** Minimal types for the untyped modules this package uses. */
declare module 'hyphen/*' {
  export function hyphenateSync(
    text: string,
    options?: { hyphenChar?: string; minWordLength?: number },
  ): string
}

declare module 'fontkit' {
  export interface Glyph {
    id: number
    advanceWidth: number
    codePoints: number[]
  }
  export interface GlyphPosition {
    xAdvance: number
    yAdvance: number
    xOffset: number
    yOffset: number
  }
  export interface GlyphRun {
    glyphs: Glyph[]
    positions: GlyphPosition[]
    advanceWidth: number
  }
  export interface Font {
    postscriptName: string
    unitsPerEm: number
    ascent: number
    descent: number
    lineGap: number
    capHeight: number
    xHeight: number
    layout(text: string, features?: string[] | Record<string, boolean>): GlyphRun
    hasGlyphForCodePoint(codePoint: number): boolean
    glyphForCodePoint(codePoint: number): Glyph
    glyphsForString(text: string): Glyph[]
  }
  export function create(buffer: Uint8Array, postscriptName?: string): Font
}

declare namespace PDFKit {
  interface PDFImage {
    width: number
    height: number
  }
  interface PDFDocument {
    openImage(src: ArrayBuffer | Uint8Array | string): PDFImage
    image(src: PDFImage, x?: number, y?: number, options?: Mixins.ImageOption): this
  }
}

declare module 'svg-to-pdfkit' {
  export interface SvgToPdfOptions {
    width?: number
    height?: number
    preserveAspectRatio?: string
    assumePt?: boolean
    fontCallback?: (family: string, bold: boolean, italic: boolean) => string
    imageCallback?: (link: string) => unknown
    documentCallback?: (file: string) => unknown
    warningCallback?: (message: string) => void
  }
  export default function SVGtoPDF(
    doc: PDFKit.PDFDocument,
    svg: string,
    x: number,
    y: number,
    options?: SvgToPdfOptions,
  ): void
}
