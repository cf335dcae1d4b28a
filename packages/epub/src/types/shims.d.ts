/** Minimal types for fontkit, which ships none: what the cover needs to shape text into outlines. */
declare module 'fontkit' {
  export interface PathCommand {
    command: 'moveTo' | 'lineTo' | 'quadraticCurveTo' | 'bezierCurveTo' | 'closePath'
    args: number[]
  }
  export interface Path {
    commands: PathCommand[]
  }
  export interface Glyph {
    id: number
    advanceWidth: number
    path: Path
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
    unitsPerEm: number
    layout(
      text: string,
      features?: string[] | Record<string, boolean>,
      script?: string,
      language?: string,
      direction?: 'ltr' | 'rtl',
    ): GlyphRun
    hasGlyphForCodePoint(codePoint: number): boolean
  }
  export function create(buffer: Uint8Array, postscriptName?: string): Font
}

/**
 * JSZip's own representation of an entry whose deflated bytes are already known (what it keeps for a
 * file read from a zip): given one, `generateAsync` copies the bytes instead of deflating again.
 */
declare module 'jszip/lib/compressedObject.js' {
  export default class CompressedObject {
    constructor(
      compressedSize: number,
      uncompressedSize: number,
      crc32: number,
      compression: unknown,
      data: Uint8Array,
    )
  }
}
declare module 'jszip/lib/compressions.js' {
  export const DEFLATE: unknown
}
declare module 'jszip/lib/crc32.js' {
  export default function crc32(input: Uint8Array, crc?: number): number
}
