/**
 * The generated cover: the publication's design (navy ground, gold frame,
 * kicker, headline, byline, publisher) with, when the article has one, its
 * hero photograph cropped into the top of the portrait frame. Drawn as SVG
 * with every line of text as outlines from the package's own fonts, then
 * rendered to a JPEG by sharp (libvips + librsvg): the same input gives the
 * same bytes on every machine, with no system font involved.
 */
import { escapeXml } from '@pressroom/toolkit'
import { type CoverText, DEFAULT_COVER_SIZE } from './cover-key.js'
import { type CoverFace, linePath, measureLine } from './outline.js'
import type { CoverSize } from './types.js'

export { type CoverText, DEFAULT_COVER_SIZE }

/** The design is drawn 1000 units wide; the height follows the requested proportion. */
const WIDTH = 1000
const TEXT_WIDTH = 800
const INSET = 40
const NAVY = '#1f2a44'
const GOLD = '#e8c547'

/** A picture area in design units. */
interface Box {
  x: number
  y: number
  width: number
  height: number
}

/**
 * Greedy line breaking on spaces with the real advance widths; words wider than a line are cut.
 * Each word is shaped once (alone, and with the space after it, in the font it is set in) and a
 * line's width is the sum of its words': no line is shaped again for every word added to it.
 */
export function wrapText(
  text: string,
  maxEm: number,
  face: CoverFace = 'regular',
  dir: 'ltr' | 'rtl' = 'ltr',
): string[] {
  const measure = (value: string) => measureLine(value, face, dir)
  const lines: string[] = []
  let line = ''
  // Width of `line`, and what the space after its last word adds.
  let width = 0
  let space = 0
  for (const word of text.split(/\s+/u).filter(Boolean)) {
    const alone = measure(word)
    if (line && width + space + alone <= maxEm) {
      line = `${line} ${word}`
      width += space + alone
      space = measure(`${word} `) - alone
      continue
    }
    if (line) lines.push(line)
    line = ''
    let rest = word
    let restWidth = alone
    while (restWidth > maxEm) {
      let cut = ''
      for (const char of rest) {
        if (measure(cut + char) > maxEm) break
        cut += char
      }
      if (!cut) break
      lines.push(cut)
      rest = rest.slice(cut.length)
      restWidth = measure(rest)
    }
    line = rest
    width = restWidth
    space = measure(`${rest} `) - restWidth
  }
  if (line) lines.push(line)
  return lines
}

/** Fit a text in at most `maxLines` lines, shrinking the size step by step, then cutting with an ellipsis. */
function fit(
  text: string,
  sizes: number[],
  maxLines: number,
  face: CoverFace,
  dir: 'ltr' | 'rtl',
): { size: number; lines: string[] } {
  let size = sizes[sizes.length - 1] ?? 50
  let lines: string[] = []
  for (const candidate of sizes) {
    lines = wrapText(text, TEXT_WIDTH / candidate, face, dir)
    size = candidate
    if (lines.length <= maxLines) return { size, lines }
  }
  const kept = lines.slice(0, maxLines)
  kept[maxLines - 1] = `${kept[maxLines - 1] ?? ''}…`
  return { size, lines: kept }
}

function block(
  fitted: { size: number; lines: string[] },
  top: number,
  lineHeight: number,
  options: { face: CoverFace; dir: 'ltr' | 'rtl'; fill: string; tracking?: number },
): { svg: string; bottom: number } {
  let y = top
  let d = ''
  for (const line of fitted.lines) {
    y += fitted.size * lineHeight
    d += linePath(line, {
      face: options.face,
      dir: options.dir,
      size: fitted.size,
      centreX: WIDTH / 2,
      baseline: y,
      tracking: options.tracking,
    })
  }
  return { svg: d ? `<path fill="${options.fill}" d="${d}"/>` : '', bottom: y }
}

function designHeight(size: CoverSize): number {
  return (WIDTH * size.height) / size.width
}

/** Where the hero photograph goes: the top of the frame, full width inside the border. */
function pictureBox(height: number): Box {
  return { x: INSET, y: INSET, width: WIDTH - 2 * INSET, height: Math.round(height * 0.44) - INSET }
}

/**
 * The cover as a standalone SVG 1.1 document: text as outlines, no fonts, no
 * scripts, no external references. With `picture`, the area the hero
 * photograph covers is left for it (it is composed in by `coverJpeg`).
 */
export function coverSvg(
  cover: CoverText,
  options: { size?: CoverSize; picture?: boolean } = {},
): string {
  const size = options.size ?? DEFAULT_COVER_SIZE
  const height = designHeight(size)
  const dir = cover.dir
  // No letter spacing or italics in right-to-left scripts: they break Arabic joining and have no italic.
  const rtl = dir === 'rtl'
  const bylineFace: CoverFace = rtl ? 'regular' : 'italic'
  const picture = options.picture ? pictureBox(height) : undefined
  const footerRule = height - 183
  let body = ''
  let textTop = picture ? picture.y + picture.height + 20 : 150
  if (cover.kicker) {
    const kicker = fit(cover.kicker, [43, 37], 1, 'regular', dir)
    const drawn = block(kicker, textTop, 1.2, {
      face: 'regular',
      dir,
      fill: GOLD,
      tracking: rtl ? 0 : 0.08,
    })
    body += drawn.svg
    textTop = drawn.bottom
  }
  const headlineSizes = picture ? [84, 74, 66, 58, 50, 44] : [100, 87, 77, 67, 57, 50]
  const headline = fit(cover.headline, headlineSizes, picture ? 6 : 8, 'bold', dir)
  const byline = cover.byline ? fit(cover.byline, [47, 40, 33], 2, bylineFace, dir) : undefined
  const headlineHeight = headline.lines.length * headline.size * 1.18
  const bylineHeight = byline ? 67 + byline.lines.length * byline.size * 1.3 : 0
  // Centred in the space between the kicker (or the picture) and the publisher's rule.
  const free = footerRule - 40 - (textTop + 40)
  const top = Math.max(
    textTop + 40,
    Math.round(textTop + 40 + (free - headlineHeight - bylineHeight) / 2 - (picture ? 0 : 67)),
  )
  const head = block(headline, top, 1.18, { face: 'bold', dir, fill: '#ffffff' })
  body += head.svg
  if (byline)
    body += block(byline, head.bottom + 67, 1.3, { face: bylineFace, dir, fill: '#d9dde6' }).svg
  if (cover.footer) {
    const footer = fit(cover.footer, [43, 37], 1, 'regular', dir)
    body += `<rect x="333" y="${footerRule - 2}" width="334" height="3" fill="${GOLD}"/>`
    body += block(footer, footerRule + 17, 1.3, { face: 'regular', dir, fill: '#ffffff' }).svg
  }
  const title = [cover.headline, cover.byline, cover.footer].filter(Boolean).join(' — ')
  const h = Math.round(height * 100) / 100
  return (
    '<?xml version="1.0" encoding="UTF-8"?>\n' +
    `<svg xmlns="http://www.w3.org/2000/svg" version="1.1" viewBox="0 0 ${WIDTH} ${h}" width="${size.width}" height="${size.height}" xml:lang="${escapeXml(cover.language)}">` +
    `<title>${escapeXml(title)}</title>` +
    // Where the picture goes, the ground is left transparent for it.
    (picture
      ? `<path fill="${NAVY}" fill-rule="evenodd" d="M0 0H${WIDTH}V${h}H0Z M${picture.x} ${picture.y}h${picture.width}v${picture.height}h-${picture.width}Z"/>`
      : `<rect x="0" y="0" width="${WIDTH}" height="${h}" fill="${NAVY}"/>`) +
    `<rect x="${INSET}" y="${INSET}" width="${WIDTH - 2 * INSET}" height="${Math.round((h - 2 * INSET) * 100) / 100}" fill="none" stroke="${GOLD}" stroke-width="3"/>` +
    body +
    '</svg>\n'
  )
}

/**
 * The cover as a baseline JPEG of `size` pixels. `picture` (the hero
 * photograph's bytes) is scaled to cover its area and cropped around its
 * centre, never stretched. Throws when the picture cannot be decoded.
 */
export async function coverJpeg(
  cover: CoverText,
  options: { size?: CoverSize; picture?: Uint8Array } = {},
): Promise<Uint8Array> {
  const size = options.size ?? DEFAULT_COVER_SIZE
  const svg = Buffer.from(coverSvg(cover, { size, picture: options.picture !== undefined }))
  // The SVG is rendered at its own pixel size (its width and height are the cover's) and encoded
  // straight away: no blank canvas composed over. Its ground is opaque except where the picture
  // goes, so the picture is laid under it ('dest-over') and the result is opaque everywhere.
  // Loaded here, not with the module: a book whose cover comes from the cache never loads sharp.
  const { default: sharp } = await import('sharp')
  let image = sharp(svg)
  if (options.picture) {
    const scale = size.width / WIDTH
    const box = pictureBox(designHeight(size))
    const left = Math.round(box.x * scale)
    const top = Math.round(box.y * scale)
    const width = Math.round((box.x + box.width) * scale) - left
    const height = Math.round((box.y + box.height) * scale) - top
    const photo = await sharp(options.picture, { failOn: 'error' })
      .rotate()
      .resize(width, height, { fit: 'cover', position: 'centre' })
      .removeAlpha()
      .toBuffer()
    image = image.composite([{ input: photo, left, top, blend: 'dest-over' }])
  }
  // Chroma at half resolution (4:2:0, libjpeg's default): at 1600 px wide the cover's coloured text
  // and rules look the same as with full-resolution chroma (compared at 1:1), the file is 22 % smaller
  // (191 against 244 KB for the seed's) and the encoder, with optimised Huffman tables, takes ~45 ms
  // instead of ~70-200 ms: the cover was a third of a real batch's CPU (every article its own cover).
  const bytes = await image.jpeg({ quality: 86, chromaSubsampling: '4:2:0' }).toBuffer()
  return new Uint8Array(bytes.buffer, bytes.byteOffset, bytes.byteLength)
}
