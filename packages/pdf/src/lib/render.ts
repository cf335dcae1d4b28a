/**
 * `renderPdf`: Article -> tagged, typeset PDF bytes.
 */
import type { Article } from '@pressroom/article'
import { fillLabel, formatDate, formatDateTime, joinNames, safeUrl } from '@pressroom/toolkit'
import PDFDocument from 'pdfkit'
import { drawPieces } from './draw.js'
import { figureFromImage } from './handlers/figure.js'
import { defaultHandlers } from './handlers/index.js'
import { defaultInlineHandlers } from './inline/index.js'
import { articleDates, infoOf, patchXmp } from './metadata.js'
import { type PdfOptions, resolveOptions, type TypesetStats } from './options.js'
import { colors, type Handlers, State } from './state.js'
import type { Run } from './typeset.js'

const sizes = { A4: [595.28, 841.89], Letter: [612, 792] } as const

/** Render an article to PDF bytes. Deterministic: identical input gives identical bytes. */
export async function renderPdf(article: Article, options: PdfOptions = {}): Promise<Uint8Array> {
  let resolved = resolveOptions(options, article.meta.language, article.derived.dir)
  let first = await compose(article, options, resolved)
  const leading = resolved.fontSize * resolved.lineHeight
  // A last page holding a line or two of small print (a rights line run over): set again with
  // a little less space between paragraphs, kept only when that saves the page.
  if (
    first.end &&
    first.pages > 1 &&
    first.end.page === first.pages - 1 &&
    lastPageHeight(first) < leading * 2
  ) {
    const tighter = { ...resolved, paragraphSpace: resolved.paragraphSpace * 0.6 }
    const squeezed = await compose(article, options, tighter)
    if (squeezed.pages < first.pages) {
      resolved = tighter
      first = squeezed
    }
  }
  // The last page's columns balanced: a second pass ends the text there at half the height the
  // columns took (one, three or six lines more when keep rules push text over), never adding a page.
  const end = first.end
  if (!end || resolved.columns < 2) return finish(first, resolved)
  const heights = end.reached.map((y) => Math.max(0, y - end.top))
  const total = heights.reduce((a, b) => a + b, 0)
  // A few lines stay in one column: split, they would read as two scraps.
  if (total < leading * 8) return finish(first, resolved)
  if (heights.length >= 2 && Math.abs(heights[0] - heights[1]) < resolved.fontSize * 3)
    return finish(first, resolved)
  for (const extra of [1, 3, 6]) {
    const bottom = end.top + total / 2 + extra * leading
    const balanced = await compose(article, options, resolved, { page: end.page, bottom })
    if (balanced.pages === first.pages) return finish(balanced, resolved)
  }
  return finish(first, resolved)
}

/** How much of the last page the text took (all its columns). */
function lastPageHeight(composed: Composed): number {
  const end = composed.end
  if (!end) return Number.POSITIVE_INFINITY
  return end.reached.reduce((sum, y) => sum + Math.max(0, y - end.top), 0)
}

interface Composed {
  /**
   * Ends the document and gives its bytes: the fonts subset and embedded, the pages deflated. A
   * trial pass that is not kept is never written (ending a document is ~9.5 ms of a ~37 ms pass for
   * the seawater article, warm).
   */
  write: () => Promise<Uint8Array>
  pages: number
  stats: TypesetStats
  /** Where the text ended: the last page, its columns' top and how low each column went. */
  end?: { page: number; top: number; reached: number[] }
}

/** The kept pass written out (only it: a pass set aside is never serialised, subset or deflated). */
function finish(
  composed: Composed,
  resolved: ReturnType<typeof resolveOptions>,
): Promise<Uint8Array> {
  resolved.onStats?.(composed.stats)
  return composed.write()
}

async function compose(
  article: Article,
  options: PdfOptions,
  resolved: ReturnType<typeof resolveOptions>,
  balance?: { page: number; bottom: number },
): Promise<Composed> {
  const dates = articleDates(article)
  const doc = new PDFDocument({
    size: sizes[resolved.pageSize] as unknown as number[],
    margins: resolved.margins,
    bufferPages: true,
    autoFirstPage: true,
    tagged: true,
    lang: article.meta.language,
    displayTitle: true,
    pdfVersion: '1.7',
    // No default font: pdfkit would read and parse Helvetica's AFM for every document (each layout
    // pass), and every glyph here is drawn from our own embedded faces.
    font: null,
    ...(resolved.pdfa ? { subset: 'PDF/A-2a' as const } : {}),
    info: infoOf(article, dates),
  } as unknown as PDFKit.PDFDocumentOptions)
  patchXmp(doc, article, dates)
  const chunks: Buffer[] = []
  doc.on('data', (chunk: Buffer) => chunks.push(chunk))
  const done = new Promise<void>((resolve, reject) => {
    doc.on('end', () => resolve())
    doc.on('error', reject)
  })
  // A pass that is set aside is never awaited: its failure is not the run's.
  done.catch(() => {})

  const handlers: Handlers = { ...defaultHandlers, ...options.handlers }
  // Messages once: the second (balancing) pass reports nothing new.
  const state = new State(
    doc,
    article,
    balance ? { ...resolved, report: undefined } : resolved,
    handlers,
    balance,
    { ...defaultInlineHandlers, ...options.inlineHandlers },
  )
  if (options.layout !== undefined && options.layout !== resolved.layout)
    state.warn(
      `Unknown PDF layout \`${options.layout}\`: ${resolved.layout} used (set \`pdf: { layout: two-column }\` or \`one-column\` in pressroom.yaml)`,
      undefined,
      'pdf-layout',
    )
  const root = doc.struct('Document', { title: article.meta.title, lang: article.meta.language })
  doc.addStructure(root)
  state.structStack.push(root)
  const art = state.open('Art')

  embargoNotice(state)
  titleBlock(state)
  const hero = article.meta.image
  if (hero) figureFromImage(state, { url: hero.src, alt: hero.alt }, hero.caption, hero.credit)
  state.openColumns()
  state.one(article.tree)
  state.placeFloats()
  authorBox(state)
  corrections(state)
  disclaimer(state)
  rights(state)
  state.finishPage()
  state.close()
  void art
  furniture(state)
  root.end()
  state.page.mark()
  const end = state.page.spanning
    ? undefined
    : { page: state.page.page, top: state.page.top, reached: state.page.reached.slice() }
  const stats = { ...state.stats }
  const write = async () => {
    doc.end()
    await done
    const total = chunks.reduce((n, c) => n + c.length, 0)
    const out = new Uint8Array(total)
    let offset = 0
    for (const chunk of chunks) {
      out.set(chunk, offset)
      offset += chunk.length
    }
    return out
  }
  return { write, pages: stats.pages, stats, end }
}

function titleBlock(state: State): void {
  const { meta } = state.article
  const base = state.options.fontSize
  const align = state.direction === 'rtl' ? ('right' as const) : ('left' as const)
  const common = { align, hyphenate: false, lineBreaker: 'greedy' as const }
  if (meta.kicker) {
    const size = base * 0.82
    state.paragraph(
      [
        {
          text: meta.kicker.toLocaleUpperCase(meta.language),
          style: { font: 'serifBold', size, color: colors.accent },
        },
      ],
      {
        ...common,
        tag: 'P',
        structOptions: { title: 'Kicker' },
        leading: size * 1.5,
        spaceAfter: 2,
      },
    )
  }
  const titleSize = base * 2.35
  state.paragraph(
    [{ text: meta.title, style: { font: 'serifBold', size: titleSize, color: colors.text } }],
    {
      ...common,
      tag: 'H1',
      leading: titleSize * 1.18,
      spaceAfter: 6,
    },
  )
  if (meta.subtitle) {
    const size = base * 1.3
    state.paragraph(
      [{ text: meta.subtitle, style: { font: 'serifItalic', size, color: colors.muted } }],
      {
        ...common,
        tag: 'P',
        structOptions: { title: 'Subtitle' },
        leading: size * 1.3,
        spaceAfter: 8,
      },
    )
  }
  const names = meta.authors.map((a) => a.name)
  const byline: Run[] = []
  const size = base * 0.95
  if (names.length > 0) {
    // One serial-comma rule for every format: the language's (toolkit `joinNames`).
    const joined = joinNames(names, meta.language)
    byline.push({
      text: `${state.labels.by} `,
      style: { font: 'serif', size, color: colors.muted },
    })
    byline.push({ text: joined, style: { font: 'serifBold', size, color: colors.text } })
  }
  // Published and, when it differs, updated: the dates the EPUB and the web page show.
  const dates: string[] = []
  if (meta.published)
    dates.push(
      `${names.length ? '' : `${state.labels.published} `}${formatDate(meta.published, meta.language)}`,
    )
  if (meta.updated && meta.updated.date !== meta.published?.date)
    dates.push(`${state.labels.updated} ${formatDate(meta.updated, meta.language)}`)
  if (dates.length) {
    byline.push({
      text: `${byline.length ? ' · ' : ''}${dates.join(' · ')}`,
      style: { font: 'serif', size, color: colors.muted },
    })
  }
  if (byline.length)
    state.paragraph(byline, {
      ...common,
      tag: 'P',
      structOptions: { title: 'Byline' },
      leading: size * 1.4,
    })
  state.y += 6
  state.rule(state.y, 0.8, colors.text)
  state.y += 14
}

function authorBox(state: State): void {
  const authors = state.article.meta.authors.filter((a) => a.bio || a.links.length > 0)
  if (authors.length === 0) return
  const base = state.options.fontSize
  const size = base * 0.9
  state.y += 10
  state.ensure(base * 6)
  state.rule(state.y, 0.8, colors.text)
  state.y += 8
  state.open('Sect', { title: 'Author' })
  const align = state.direction === 'rtl' ? ('right' as const) : ('left' as const)
  state.paragraph(
    [
      {
        text: authors.length > 1 ? state.labels.aboutTheAuthors : state.labels.aboutTheAuthor,
        style: { font: 'serifBold', size: base * 1.1, color: colors.text },
      },
    ],
    {
      tag: 'H2',
      align,
      hyphenate: false,
      lineBreaker: 'greedy',
      leading: base * 1.5,
      spaceAfter: 3,
      keepWithNext: base * 3,
    },
  )
  for (const author of authors) {
    const style = { font: 'serif' as const, size, color: colors.text }
    const bio = author.bio ? state.runs(author.bio.children, style) : []
    const runs: Run[] = []
    // "Umar Karim is a researcher ...": the bio names the author already; set the name bold in it.
    const first = bio[0]
    if (first?.text.startsWith(author.name)) {
      runs.push({ text: author.name, style: { ...first.style, font: 'serifBold' } })
      runs.push({ ...first, text: first.text.slice(author.name.length) }, ...bio.slice(1))
    } else {
      runs.push({ text: author.name, style: { ...style, font: 'serifBold' } })
      if (bio.length) runs.push({ text: ' ', style }, ...bio)
    }
    author.links.forEach((link, index) => {
      runs.push({ text: index === 0 ? ' ' : ' · ', style })
      // The one URL policy (toolkit `safeUrl`): a link it refuses is printed as its label alone.
      const href = safeUrl(link.href, 'link')
      runs.push({
        text: link.label,
        style: href
          ? { ...style, color: colors.link, link: href, linkId: 1_000_000 + index, noHyphen: true }
          : { ...style, noHyphen: true },
      })
    })
    state.paragraph(runs, {
      tag: 'P',
      align,
      hyphenate: false,
      lineBreaker: 'greedy',
      leading: size * 1.4,
      spaceAfter: 4,
    })
  }
  state.close()
}

/**
 * The article's dated correction notices (`Correction (20 January 2024): …`; with the time in UTC when
 * the correction has one: toolkit `formatDateTime`), as the syndication HTML prints them.
 */
function corrections(state: State): void {
  const { corrections, language } = state.article.meta
  if (!corrections?.length) return
  const size = state.options.fontSize * 0.85
  corrections.forEach((correction, index) => {
    state.paragraph(
      [
        {
          text: state.labels.correction,
          style: { font: 'serifBold', size, color: colors.text },
        },
        {
          text: ` (${formatDateTime(correction.date, language)}): ${correction.text}`,
          style: { font: 'serif', size, color: colors.text },
        },
      ],
      {
        spaceBefore: index === 0 ? 10 : 4,
        tag: 'P',
        structOptions: { title: 'Correction' },
        align: state.direction === 'rtl' ? 'right' : 'left',
        hyphenate: false,
        lineBreaker: 'greedy',
        leading: size * 1.35,
      },
    )
  })
}

function disclaimer(state: State): void {
  const text = state.article.meta.disclaimer
  if (text) smallPrint(state, text, 'serifItalic', 6, 'Disclaimer')
}

/** The rights line, last, in small type (the copyright the metadata carries, visible). */
function rights(state: State): void {
  const text = state.article.meta.rights
  if (text) smallPrint(state, text, 'serif', 2, 'Rights')
}

/** A paragraph of small print at the end (disclaimer, rights): unhyphenated, ragged, muted. */
function smallPrint(
  state: State,
  text: string,
  font: 'serif' | 'serifItalic',
  spaceBefore: number,
  title: string,
): void {
  const size = state.options.fontSize * 0.75
  state.paragraph([{ text, style: { font, size, color: colors.muted } }], {
    spaceBefore,
    tag: 'P',
    structOptions: { title },
    align: state.direction === 'rtl' ? 'right' : 'left',
    hyphenate: false,
    lineBreaker: 'greedy',
    leading: size * 1.35,
  })
}

/**
 * On a copy rendered before its embargo (or with no `now` to measure against), a notice above the
 * headline, across the columns, in the accent colour between rules.
 */
function embargoNotice(state: State): void {
  const { embargo, language } = state.article.meta
  const now = state.options.now
  if (!embargo || (now && now.getTime() >= embargo.epochMs)) return
  const time = embargo.dateOnly
    ? ''
    : ` ${embargo.value.slice(11, 16)} (UTC${offsetOf(embargo.value)})`
  const text = fillLabel(state.labels.embargo, { date: `${formatDate(embargo, language)}${time}` })
  const size = state.options.fontSize * 1.05
  state.rule(state.y, 1.2, colors.accent)
  state.y += 5
  state.paragraph(
    [
      {
        text: text.toLocaleUpperCase(language),
        style: { font: 'serifBold', size, color: colors.accent },
      },
    ],
    {
      tag: 'P',
      structOptions: { title: 'Embargo' },
      align: state.direction === 'rtl' ? 'right' : 'left',
      hyphenate: false,
      lineBreaker: 'greedy',
      leading: size * 1.4,
    },
  )
  state.y += 3
  state.rule(state.y, 1.2, colors.accent)
  state.y += 12
}

function offsetOf(value: string): string {
  const match = /([+-]\d\d:\d\d|Z)$/.exec(value)
  return !match || match[1] === 'Z' ? '' : match[1]
}

/** Running header and footer on every page but the first, as pagination artifacts. */
function furniture(state: State): void {
  const doc = state.doc
  const range = doc.bufferedPageRange()
  const { meta } = state.article
  const { margins } = state.options
  const size = state.options.fontSize * 0.75
  const style = { font: 'serif' as const, size, color: colors.muted }
  const publication = state.options.publication ?? meta.publisher?.name ?? ''
  const header = [publication, meta.section].filter(Boolean).join(' · ')
  const width = doc.page.width - margins.left - margins.right
  for (let i = 1; i < range.count; i++) {
    doc.switchToPage(range.start + i)
    const footer = fillLabel(state.labels.page, { page: i + 1, pages: range.count })
    const top = margins.top - 30
    state.artifact('Pagination', () => {
      if (header) {
        const lines = state.set([{ text: header, style }], {
          width,
          align: state.direction === 'rtl' ? 'right' : 'left',
          hyphenate: false,
          lineBreaker: 'greedy',
          leading: size * 1.3,
        })
        if (lines[0]) drawPieces(doc, lines[0].pieces, margins.left, top + size)
      }
      doc
        .save()
        .lineWidth(0.4)
        .strokeColor(colors.rule)
        .moveTo(margins.left, top + size * 1.6)
        .lineTo(margins.left + width, top + size * 1.6)
        .stroke()
        .restore()
      const lines = state.set([{ text: footer, style }], {
        width,
        align: 'center',
        hyphenate: false,
        lineBreaker: 'greedy',
        leading: size * 1.3,
      })
      if (lines[0])
        drawPieces(doc, lines[0].pieces, margins.left, doc.page.height - margins.bottom + 30)
    })
  }
}
