import { createHash } from 'node:crypto'
import { readdir, readFile, realpath, stat } from 'node:fs/promises'
import path from 'node:path'
import { imageSize } from 'image-size'
import type { Definition, Root } from 'mdast'
import type { Point, Position } from 'unist'
import { visit } from 'unist-util-visit'
import type { VFileMessage } from 'vfile-message'
import type { ArticleImage, ArticleMeta } from '../types.js'
import { createMessage } from './messages.js'
import { closest } from './meta.js'

/** Media types Pressroom embeds, sniffed from the first bytes. */
export function sniffImage(
  bytes: Uint8Array,
): { mediaType: string; extension: string } | undefined {
  const starts = (...signature: number[]) => signature.every((byte, index) => bytes[index] === byte)
  if (starts(0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a))
    return { mediaType: 'image/png', extension: 'png' }
  if (starts(0xff, 0xd8, 0xff)) return { mediaType: 'image/jpeg', extension: 'jpg' }
  if (starts(0x47, 0x49, 0x46, 0x38)) return { mediaType: 'image/gif', extension: 'gif' }
  if (
    starts(0x52, 0x49, 0x46, 0x46) &&
    bytes[8] === 0x57 &&
    bytes[9] === 0x45 &&
    bytes[10] === 0x42 &&
    bytes[11] === 0x50
  ) {
    return { mediaType: 'image/webp', extension: 'webp' }
  }
  const head = new TextDecoder().decode(bytes.subarray(0, 512)).trimStart()
  if (/^(<\?xml[^>]*>\s*)?(<!--[\s\S]*?-->\s*)*(<!DOCTYPE svg[^>]*>\s*)?<svg[\s>]/i.test(head)) {
    return { mediaType: 'image/svg+xml', extension: 'svg' }
  }
  return undefined
}

interface ImageUse {
  src: string
  position?: Position | Point
  hero: boolean
}

/** Every image `src` the article uses, hero first, in document order. */
export function collectImageUses(
  tree: Root,
  meta: ArticleMeta | undefined,
  heroPoint?: Point,
): ImageUse[] {
  const uses: ImageUse[] = []
  if (meta?.image) uses.push({ src: meta.image.src, position: heroPoint, hero: true })
  const definitions = new Map<string, Definition>()
  visit(tree, 'definition', (node) => {
    if (!definitions.has(node.identifier)) definitions.set(node.identifier, node)
  })
  visit(tree, (node) => {
    if (node.type === 'image') uses.push({ src: node.url, position: node.position, hero: false })
    else if (node.type === 'imageReference') {
      const definition = definitions.get(node.identifier)
      if (definition) uses.push({ src: definition.url, position: node.position, hero: false })
    }
  })
  return uses
}

const remote = /^(?:[a-z][a-z0-9+.-]*:|\/\/)/i

/**
 * Resolve, read and check every image inside `folder`, and nowhere else.
 * Remote or outside-the-folder images are never read: they are reported and
 * left out. Missing or unreadable images are errors at their position.
 */
export async function resolveImages(
  uses: ImageUse[],
  folder: string | undefined,
  file: string | undefined,
  messages: VFileMessage[],
  siteRoot?: string,
  contentRoot?: string,
): Promise<ArticleImage[]> {
  const bySrc = new Map<string, ArticleImage>()
  let files: string[] | undefined
  const realFolder = folder ? await realpath(folder).catch(() => path.resolve(folder)) : undefined
  // Relative paths stay inside the content folder (when it holds the article), site-absolute
  // ones inside the site root (a folder of the content folder). Default: the article's folder.
  const real = async (folderPath: string) =>
    realpath(folderPath).catch(() => path.resolve(folderPath))
  let realBound = realFolder
  if (contentRoot && realFolder) {
    const root = await real(contentRoot)
    if (isInside(root, realFolder) || root === realFolder) realBound = root
  }
  let realRoot = realBound
  if (siteRoot && realBound) {
    const root = await real(siteRoot)
    if (isInside(realBound, root) || root === realBound) realRoot = root
  }
  for (const use of uses) {
    const seen = bySrc.get(use.src)
    if (seen) {
      if (seen.status !== 'ok') report(seen, use)
      continue
    }
    const image = await resolveOne(use.src, realFolder, realRoot, realBound)
    bySrc.set(use.src, image)
    if (image.status === 'missing' && realFolder && !files) files = await listImages(realFolder)
    report(image, use)
  }
  return [...bySrc.values()]

  function suggest(src: string): string {
    const guess = files ? closest(src.replace(/^\.\//, ''), files) : undefined
    return guess ? `; did you mean \`${guess}\`?` : ''
  }

  function report(image: ArticleImage, use: ImageUse) {
    const place = use.position
    const what = use.hero ? 'Hero image' : 'Image'
    const reasons: Record<Exclude<ArticleImage['status'], 'ok'>, [string, string, boolean]> = {
      remote: [
        `${what} \`${use.src}\` is remote: it is never fetched, so it will not be embedded; copy it into the article's folder`,
        'image-remote',
        false,
      ],
      outside: [
        `${what} \`${use.src}\` is outside the article's folder: it will not be embedded`,
        'image-outside',
        false,
      ],
      missing: [
        folder
          ? `${what} \`${use.src}\` not found in the article's folder: a placeholder is shown${suggest(use.src)}`
          : `${what} \`${use.src}\` cannot be resolved: the article has no folder`,
        'image-missing',
        false,
      ],
      corrupt: [
        `${what} \`${use.src}\` is not a readable PNG, JPEG, GIF, WebP or SVG file: a placeholder is shown`,
        'image-corrupt',
        false,
      ],
      unsupported: [
        `${what} \`${use.src}\` is in a format Pressroom cannot read; use PNG, JPEG, GIF, WebP or SVG`,
        'image-unsupported',
        false,
      ],
    }
    if (image.status === 'ok') return
    const [reason, ruleId, fatal] = reasons[image.status]
    messages.push(createMessage(file, reason, { place, ruleId, fatal }))
  }
}

async function resolveOne(
  src: string,
  folder: string | undefined,
  siteRoot: string | undefined,
  bound: string | undefined,
): Promise<ArticleImage> {
  if (remote.test(src)) return { src, status: 'remote' }
  let relative: string
  try {
    relative = decodeURI(src.split(/[?#]/)[0])
  } catch {
    relative = src
  }
  if (!folder || !siteRoot || !bound) {
    return path.isAbsolute(relative) || relative.split(/[\\/]/).includes('..')
      ? { src, status: 'outside' }
      : { src, status: 'missing' }
  }
  // `/assets/x.png` is under the site root; `x.png` and `../x.png` beside the article, inside the root.
  const siteAbsolute = /^[\\/]/.test(relative)
  const root = siteAbsolute ? siteRoot : bound
  const absolute = siteAbsolute
    ? path.resolve(siteRoot, `.${relative.replace(/\\/g, '/')}`)
    : path.resolve(folder, relative)
  if (!isInside(root, absolute)) return { src, status: 'outside' }
  const posix = path.relative(folder, absolute).split(path.sep).join('/')
  let real: string
  try {
    real = await realpath(absolute)
    if (!(await stat(real)).isFile()) return { src, status: 'missing', path: posix }
  } catch {
    return { src, status: 'missing', path: posix }
  }
  // A symbolic link may point anywhere: follow it only if it stays inside.
  if (!isInside(root, real)) return { src, status: 'outside', path: posix }
  const bytes = new Uint8Array(await readFile(real))
  const kind = sniffImage(bytes)
  if (!kind) return { src, status: 'corrupt', path: posix }
  if (
    kind.mediaType === 'image/svg+xml' ||
    kind.mediaType === 'image/webp' ||
    kind.mediaType === 'image/gif'
  ) {
    // What every format can carry (EPUB's core types, the PDF's PNG and JPEG): PNG, decided
    // here once (a GIF's first frame); the original is recorded.
    const original =
      kind.mediaType === 'image/svg+xml'
        ? { mediaType: kind.mediaType, bytes: sanitizeSvg(bytes) }
        : { mediaType: kind.mediaType }
    const png = await toPng(original.bytes ?? bytes, kind.mediaType)
    if (!png) return { src, status: 'corrupt', path: posix, ...kind }
    return {
      src,
      status: 'ok',
      path: posix,
      mediaType: 'image/png',
      extension: 'png',
      width: png.width,
      height: png.height,
      bytes: png.bytes,
      sha256: createHash('sha256').update(png.bytes).digest('hex'),
      original,
    }
  }
  let size: { width?: number; height?: number }
  try {
    size = imageSize(bytes)
  } catch {
    return { src, status: 'corrupt', path: posix }
  }
  if (!size.width || !size.height) return { src, status: 'corrupt', path: posix }
  return {
    src,
    status: 'ok',
    path: posix,
    mediaType: kind.mediaType,
    extension: kind.extension,
    width: size.width,
    height: size.height,
    bytes,
    sha256: createHash('sha256').update(bytes).digest('hex'),
  }
}

/**
 * An SVG without what could act or reach out: scripts, event handlers,
 * `foreignObject`, and references to anything outside the file (`href`,
 * `url(...)`, `@import`) are removed.
 */
export function sanitizeSvg(bytes: Uint8Array): Uint8Array {
  const text = new TextDecoder().decode(bytes)
  const clean = text
    .replace(/<!DOCTYPE[^>[]*(\[[\s\S]*?\])?\s*>/gi, '')
    .replace(/<!ENTITY[\s\S]*?>/gi, '')
    .replace(/<script[\s\S]*?<\/script\s*>|<script[^>]*\/>/gi, '')
    .replace(/<foreignObject[\s\S]*?<\/foreignObject\s*>|<foreignObject[^>]*\/>/gi, '')
    .replace(/\s+on[a-z]+\s*=\s*("[^"]*"|'[^']*'|[^\s>]+)/gi, '')
    .replace(/\s+(?:xlink:)?href\s*=\s*("(?!#)[^"]*"|'(?!#)[^']*')/gi, '')
    .replace(/url\(\s*(['"]?)(?!#)[^)]*\1\s*\)/gi, 'none')
    .replace(/@import[^;]*;/gi, '')
  return new TextEncoder().encode(clean)
}

/** Decode with sharp (its binary ships in an npm platform package) and write PNG. */
async function toPng(
  bytes: Uint8Array,
  mediaType: string,
): Promise<{ bytes: Uint8Array; width: number; height: number } | undefined> {
  try {
    const { default: sharp } = await import('sharp')
    const image = sharp(bytes, {
      limitInputPixels: 50_000_000,
      ...(mediaType === 'image/svg+xml' ? { density: 144 } : {}),
    })
    const { data, info } = await image
      .png({ compressionLevel: 9 })
      .toBuffer({ resolveWithObject: true })
    return { bytes: new Uint8Array(data), width: info.width, height: info.height }
  } catch {
    return undefined
  }
}

function isInside(folder: string, target: string): boolean {
  const relative = path.relative(folder, target)
  return relative !== '' && !relative.startsWith('..') && !path.isAbsolute(relative)
}

/** Image files under `folder` (for "did you mean"), `/`-separated, at most 2,000. */
async function listImages(folder: string): Promise<string[]> {
  const found: string[] = []
  const walk = async (relative: string, depth: number) => {
    if (depth > 6 || found.length >= 2000) return
    let entries: import('node:fs').Dirent[]
    try {
      entries = await readdir(path.join(folder, relative), { withFileTypes: true })
    } catch {
      return
    }
    for (const entry of entries.sort((a, b) => (a.name < b.name ? -1 : 1))) {
      if (entry.name.startsWith('.') || entry.name === 'node_modules') continue
      const next = relative ? `${relative}/${entry.name}` : entry.name
      if (entry.isDirectory()) await walk(next, depth + 1)
      else if (/\.(png|jpe?g|gif|webp|svg|avif)$/i.test(entry.name)) found.push(next)
    }
  }
  await walk('', 0)
  return found
}
