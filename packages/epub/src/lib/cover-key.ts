/**
 * What the book needs to know about the cover before (or instead of) drawing
 * it: its text, default size, which pictures can go on it, and its key in a
 * `CoverCache`. Light on purpose: no sharp, fontkit or bidi-js is loaded here,
 * so a book whose cover comes from the cache never loads them (`cover.ts`,
 * which draws, is imported only when a cover is drawn).
 */
import { createHash } from 'node:crypto'
import { readFileSync } from 'node:fs'
import { createRequire } from 'node:module'
import path from 'node:path'
import type { CoverSize } from './types.js'

export interface CoverText {
  /** Small line above the headline (section, or the collection's date). */
  kicker?: string
  headline: string
  /** Below the headline (byline, or the number of articles). */
  byline?: string
  /** At the bottom (publisher). */
  footer?: string
  language: string
  dir: 'ltr' | 'rtl'
}

/** 1600 x 2560 (1:1.6): at least what Kindle, Apple Books and Google Play ask for, portrait. */
export const DEFAULT_COVER_SIZE: CoverSize = { width: 1600, height: 2560 }

/** Media types sharp may decode for the picture (SVG never: it could reference files). */
const pictureTypes = new Set(['image/jpeg', 'image/png', 'image/webp', 'image/gif', 'image/avif'])

export function canComposePicture(mediaType: string | undefined): boolean {
  return mediaType !== undefined && pictureTypes.has(mediaType)
}

/** Bump when the design or the encoding changes: cached covers of older designs are not reused. */
const COVER_DESIGN = 3

const require = createRequire(import.meta.url)

/**
 * `sharp.versions` without loading sharp (its native binding and ~70 modules):
 * sharp's own version and the `versions.json` of its prebuilt libvips package
 * (`@img/sharp-<platform>` or `@img/sharp-libvips-<platform>`, the files sharp
 * reads itself), found from sharp's folder. Read this way only when exactly
 * one such package is installed for this platform and architecture (glibc or
 * musl); otherwise (a global libvips, WebAssembly, an unusual layout) sharp is
 * loaded and asked. The result is the same object, key for key, as sharp's.
 */
function installedVersions(): Record<string, unknown> | undefined {
  try {
    const entry = require.resolve('sharp')
    const fromSharp = createRequire(entry)
    const manifest = JSON.parse(
      readFileSync(path.join(path.dirname(entry), '..', 'package.json'), 'utf8'),
    ) as { name?: string; version?: string }
    if (manifest.name !== 'sharp' || typeof manifest.version !== 'string') return undefined
    const found: Record<string, unknown>[] = []
    for (const platform of [
      `${process.platform}-${process.arch}`,
      `${process.platform}musl-${process.arch}`,
    ]) {
      for (const name of [
        `@img/sharp-${platform}/versions`,
        `@img/sharp-libvips-${platform}/versions`,
      ]) {
        try {
          found.push({ ...(fromSharp(name) as Record<string, unknown>) })
          break
        } catch {
          // Not installed (or not for this libc): try the next.
        }
      }
    }
    if (found.length !== 1) return undefined
    return { ...found[0], sharp: manifest.version }
  } catch {
    return undefined
  }
}

let rendererVersions: Promise<Record<string, unknown>> | undefined

/** The versions of sharp and the libraries it draws the cover with (libvips, librsvg, mozjpeg ...). */
function renderer(): Promise<Record<string, unknown>> {
  rendererVersions ??= Promise.resolve(installedVersions()).then(
    async (versions) =>
      versions ?? ((await import('sharp')).default.versions as Record<string, unknown>),
  )
  return rendererVersions
}

/**
 * The key of a cover in a `CoverCache`: a hash of everything the JPEG depends
 * on (text, size, the picture's bytes, the design, and the libvips/librsvg
 * versions that draw it).
 */
export async function coverKey(
  cover: CoverText,
  options: { size?: CoverSize; picture?: Uint8Array } = {},
): Promise<string> {
  const hash = createHash('sha256')
  hash.update(
    JSON.stringify({
      design: COVER_DESIGN,
      renderer: await renderer(),
      size: options.size ?? DEFAULT_COVER_SIZE,
      text: [cover.kicker, cover.headline, cover.byline, cover.footer, cover.language, cover.dir],
    }),
  )
  hash.update('\0')
  if (options.picture) hash.update(options.picture)
  return `cover-${hash.digest('hex')}`
}
