import { escapeXml } from './xml.js'

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

const WIDTH = 600
const HEIGHT = 900
const TEXT_WIDTH = 480

/** Rough advance of one character in em for a serif face. */
function advance(char: string): number {
  if (/[\p{Script=Han}\p{Script=Hiragana}\p{Script=Katakana}\p{Script=Hangul}]/u.test(char))
    return 1
  if (/\p{Lu}/u.test(char)) return 0.68
  if (/[\p{M}\p{Cf}]/u.test(char)) return 0
  if (/\s/u.test(char)) return 0.27
  return 0.52
}

function measure(text: string): number {
  let width = 0
  for (const char of text) width += advance(char)
  return width
}

/** Greedy line breaking on spaces; words wider than a line are cut. */
export function wrapText(text: string, maxEm: number): string[] {
  const lines: string[] = []
  let line = ''
  for (const word of text.split(/\s+/u).filter(Boolean)) {
    const candidate = line ? `${line} ${word}` : word
    if (measure(candidate) <= maxEm) {
      line = candidate
      continue
    }
    if (line) lines.push(line)
    line = ''
    let rest = word
    while (measure(rest) > maxEm) {
      let cut = ''
      for (const char of rest) {
        if (measure(cut + char) > maxEm) break
        cut += char
      }
      if (!cut) break
      lines.push(cut)
      rest = rest.slice(cut.length)
    }
    line = rest
  }
  if (line) lines.push(line)
  return lines
}

/** Fit a text in at most `maxLines` lines, shrinking the font down to `minSize`, then cutting with an ellipsis. */
function fit(text: string, sizes: number[], maxLines: number): { size: number; lines: string[] } {
  let size = sizes[sizes.length - 1] ?? 32
  let lines: string[] = []
  for (const candidate of sizes) {
    lines = wrapText(text, TEXT_WIDTH / candidate)
    size = candidate
    if (lines.length <= maxLines) return { size, lines }
  }
  const kept = lines.slice(0, maxLines)
  kept[maxLines - 1] = `${kept[maxLines - 1] ?? ''}…`
  return { size, lines: kept }
}

function textLines(
  lines: string[],
  size: number,
  top: number,
  lineHeight: number,
  attrs: string,
): { svg: string; bottom: number } {
  let y = top
  let svg = ''
  for (const line of lines) {
    y += size * lineHeight
    svg += `<text x="${WIDTH / 2}" y="${Math.round(y)}" font-size="${size}" ${attrs}>${escapeXml(line)}</text>`
  }
  return { svg, bottom: y }
}

/** A generated cover as a standalone SVG 1.1 document (no scripts, no external references, system serif font). */
export function coverSvg(cover: CoverText): string {
  const headline = fit(cover.headline, [60, 52, 46, 40, 34, 30], 8)
  const byline = cover.byline ? fit(cover.byline, [28, 24, 20], 2) : undefined
  const kicker = cover.kicker ? fit(cover.kicker, [26, 22], 1) : undefined
  const common = `text-anchor="middle" font-family="serif"${cover.dir === 'rtl' ? ' direction="rtl"' : ''}`
  const headlineHeight = headline.lines.length * headline.size * 1.18
  const bylineHeight = byline ? 40 + byline.lines.length * byline.size * 1.3 : 0
  const top = Math.max(170, Math.round((HEIGHT - headlineHeight - bylineHeight) / 2) - 40)
  // No letter spacing or italics in right-to-left scripts: they break Arabic joining and have no italic.
  const rtl = cover.dir === 'rtl'
  let body = ''
  if (kicker) {
    const spacing = rtl ? '' : ' letter-spacing="2"'
    body += textLines(kicker.lines, kicker.size, 90, 1.2, `${common} fill="#e8c547"${spacing}`).svg
  }
  const head = textLines(
    headline.lines,
    headline.size,
    top,
    1.18,
    `${common} fill="#ffffff" font-weight="bold"`,
  )
  body += head.svg
  if (byline)
    body += textLines(
      byline.lines,
      byline.size,
      head.bottom + 40,
      1.3,
      `${common} fill="#d9dde6"${rtl ? '' : ' font-style="italic"'}`,
    ).svg
  if (cover.footer) {
    const footer = fit(cover.footer, [26, 22], 1)
    body += `<line x1="200" y1="790" x2="400" y2="790" stroke="#e8c547" stroke-width="2"/>`
    body += textLines(footer.lines, footer.size, 800, 1.3, `${common} fill="#ffffff"`).svg
  }
  const title = [cover.headline, cover.byline, cover.footer].filter(Boolean).join(' — ')
  return (
    '<?xml version="1.0" encoding="UTF-8"?>\n' +
    `<svg xmlns="http://www.w3.org/2000/svg" version="1.1" viewBox="0 0 ${WIDTH} ${HEIGHT}" width="${WIDTH}" height="${HEIGHT}" xml:lang="${escapeXml(cover.language)}">` +
    `<title>${escapeXml(title)}</title>` +
    `<rect x="0" y="0" width="${WIDTH}" height="${HEIGHT}" fill="#1f2a44"/>` +
    `<rect x="24" y="24" width="${WIDTH - 48}" height="${HEIGHT - 48}" fill="none" stroke="#e8c547" stroke-width="2"/>` +
    body +
    '</svg>\n'
  )
}
