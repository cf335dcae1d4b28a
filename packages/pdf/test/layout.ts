/**
 * Page measures read back from a PDF's own text positions (`pdftotext -bbox-layout`): lines and
 * words with their boxes, characters per full line, how empty each column is, words outside the
 * margins. The idea of ../shared/tools/pdf_pages.py, per column.
 */
import { output } from '@pressroom/test-helpers'

export interface Box {
  xMin: number
  yMin: number
  xMax: number
  yMax: number
}

export interface TextLine extends Box {
  page: number
  text: string
  words: Array<Box & { text: string }>
}

export interface PageBox {
  width: number
  height: number
}

const attr = (tag: string, name: string) => Number(new RegExp(`${name}="([^"]+)"`).exec(tag)![1])

function decode(text: string): string {
  return text
    .replace(/&lt;/g, '<')
    .replace(/&gt;/g, '>')
    .replace(/&quot;/g, '"')
    .replace(/&apos;/g, "'")
    .replace(/&amp;/g, '&')
}

/** Every line of text with its words, page by page. */
export function textLines(file: string): { pages: PageBox[]; lines: TextLine[] } {
  const xml = output('pdftotext', ['-bbox-layout', file, '-'])
  const pages: PageBox[] = []
  const lines: TextLine[] = []
  const pageRe = /<page width="([\d.]+)" height="([\d.]+)">([\s\S]*?)<\/page>/g
  for (const page of xml.matchAll(pageRe)) {
    const index = pages.length
    pages.push({ width: Number(page[1]), height: Number(page[2]) })
    for (const line of page[3].matchAll(/<line ([^>]*)>([\s\S]*?)<\/line>/g)) {
      const words = [...line[2].matchAll(/<word ([^>]*)>([^<]*)<\/word>/g)].map((w) => ({
        xMin: attr(w[1], 'xMin'),
        yMin: attr(w[1], 'yMin'),
        xMax: attr(w[1], 'xMax'),
        yMax: attr(w[1], 'yMax'),
        text: decode(w[2]),
      }))
      lines.push({
        page: index,
        xMin: attr(line[1], 'xMin'),
        yMin: attr(line[1], 'yMin'),
        xMax: attr(line[1], 'xMax'),
        yMax: attr(line[1], 'yMax'),
        text: words.map((w) => w.text).join(' '),
        words,
      })
    }
  }
  return { pages, lines }
}

const median = (values: number[]) => {
  const sorted = values.slice().sort((a, b) => a - b)
  return sorted[Math.floor(sorted.length / 2)] ?? 0
}

/**
 * Characters per line of body text: the median length of the lines that run the full width of
 * their column (justified lines). The column width is the most common width of long lines.
 */
export function charsPerLine(lines: TextLine[]): { measure: number; full: number; width: number } {
  const long = lines.filter((l) => l.text.length > 20)
  const counts = new Map<number, number>()
  for (const l of long) {
    const w = Math.round(l.xMax - l.xMin)
    counts.set(w, (counts.get(w) ?? 0) + 1)
  }
  // The most common width (rounded to 1 pt, with its neighbours) is the column's.
  let width = 0
  let best = 0
  for (const w of counts.keys()) {
    const n = (counts.get(w - 1) ?? 0) + (counts.get(w) ?? 0) + (counts.get(w + 1) ?? 0)
    if (n > best || (n === best && w > width)) {
      best = n
      width = w
    }
  }
  const full = long.filter((l) => Math.abs(l.xMax - l.xMin - width) <= 1.5)
  return { measure: median(full.map((l) => Array.from(l.text).length)), full: full.length, width }
}

/**
 * For each page but the last: the share of each column's height left empty below its last line
 * of text (footnotes count as text), the body running from `top` to `bottom`.
 */
export function emptiness(
  pages: PageBox[],
  lines: TextLine[],
  area: { top: number; bottom: number; columns: number; left: number; right: number },
): Array<{ page: number; column: number; empty: number }> {
  const out: Array<{ page: number; column: number; empty: number }> = []
  const height = area.bottom - area.top
  for (let page = 0; page < pages.length - 1; page++) {
    const width = (pages[page].width - area.left - area.right) / area.columns
    for (let column = 0; column < area.columns; column++) {
      const left = area.left + column * width
      const mine = lines.filter(
        (l) =>
          l.page === page &&
          l.yMax <= area.bottom + 1 &&
          (l.xMin + l.xMax) / 2 >= left &&
          (l.xMin + l.xMax) / 2 < left + width,
      )
      // A line set across both columns (headline, hero caption) belongs to each.
      const spanning = lines.filter(
        (l) => l.page === page && l.yMax <= area.bottom + 1 && l.xMax - l.xMin > width * 1.2,
      )
      const low = Math.max(area.top, ...mine.map((l) => l.yMax), ...spanning.map((l) => l.yMax))
      out.push({ page: page + 1, column: column + 1, empty: (area.bottom - low) / height })
    }
  }
  return out
}

/** Words whose box reaches outside the text block (left and right margins, 1 pt of slack). */
export function wordsOutside(
  pages: PageBox[],
  lines: TextLine[],
  margins: { left: number; right: number },
): string[] {
  const out: string[] = []
  for (const line of lines)
    for (const word of line.words) {
      const right = pages[line.page].width - margins.right
      if (word.xMin < margins.left - 1 || word.xMax > right + 1)
        out.push(
          `page ${line.page + 1}: ${word.text} (${word.xMin.toFixed(1)}-${word.xMax.toFixed(1)})`,
        )
    }
  return out
}
