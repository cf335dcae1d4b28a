/**
 * The walker's state: `one`/`all` dispatch to one handler per node type; inline content to runs;
 * setting paragraphs and placing their lines. The rooms it holds: the page frame (page-frame.ts),
 * keep rules (keep.ts), the structure tree (tagging.ts), footnotes (notes.ts); bidi is in bidi.ts,
 * line breaking in typeset.ts and linebreak/.
 */
import type { Article } from '@pressroom/article'
import { safeUrl } from '@pressroom/toolkit'
import type { Definition, Nodes, Parent, PhrasingContent, RootContent } from 'mdast'
import { VFileMessage } from 'vfile-message'
import { type Definitions, definitionsOf } from './definitions.js'
import { drawLine } from './draw.js'
import type { FontKey } from './fonts.js'
import { defaultInlineHandlers } from './inline/index.js'
import { keepAfter, linesForColumn } from './keep.js'
import { Footnotes } from './notes.js'
import type { PdfLabels, ResolvedOptions, TypesetStats } from './options.js'
import { type Box, PageFrame } from './page-frame.js'
import { type StructElement, Tagging } from './tagging.js'
import {
  type Line,
  type Rgb,
  type Run,
  type SetOptions,
  type Style,
  setParagraph,
} from './typeset.js'

type Doc = PDFKit.PDFDocument

export type { StructElement }

// biome-ignore lint/suspicious/noExplicitAny: each handler narrows the node type it handles
export type Handler = (state: State, node: any, parent: Parent | undefined) => void
export type Handlers = Record<string, Handler>
/** Turns a phrasing node into styled runs (`state.runs` for its children). */
// biome-ignore lint/suspicious/noExplicitAny: each handler narrows the node type it handles
export type InlineHandler = (state: State, node: any, style: Style) => Run[]
export type InlineHandlers = Record<string, InlineHandler>

export const colors = {
  text: [26, 26, 26] as Rgb,
  muted: [90, 90, 90] as Rgb,
  accent: [160, 20, 30] as Rgb,
  link: [20, 60, 140] as Rgb,
  rule: [150, 150, 150] as Rgb,
}

export interface ParagraphOptions {
  /** Structure type (P, H2, Caption ...). */
  tag: string
  /** Structure element options (title, alt, lang). */
  structOptions?: Record<string, unknown>
  align?: SetOptions['align']
  leading?: number
  spaceBefore?: number
  spaceAfter?: number
  /** Never split across pages. */
  keepTogether?: boolean
  /** Space needed below the paragraph on the same page (keep with next). */
  keepWithNext?: number
  direction?: 'ltr' | 'rtl'
  hyphenate?: boolean
  lineBreaker?: 'knuth-plass' | 'greedy'
  /** Drawn behind each part of the lines that lands in one column (top, height). */
  backdrop?: (top: number, height: number) => void
  /** A named destination at the first line (a heading's id, for in-page `#id` links). */
  destination?: string
}

export class State {
  doc: Doc
  article: Article
  options: ResolvedOptions
  labels: PdfLabels
  handlers: Handlers
  inlineHandlers: InlineHandlers
  /** The page frame: columns, where the flow is, what is reserved at the foot. */
  page: PageFrame
  /** The block after the one being handled, in its parent (for keep rules). */
  following: Nodes | undefined
  direction: 'ltr' | 'rtl'
  language: string
  /** x positions of vertical rules drawn beside lines (block quotes), from the column's left edge. */
  rules: number[] = []
  stats: TypesetStats
  /** The structure tree (tagging.ts). */
  tagging: Tagging
  /** Footnotes waiting for the foot of their column (notes.ts). */
  notes: Footnotes
  private linkCount = 0
  private reported = new Set<string>()
  pageIndex = 0

  constructor(
    doc: Doc,
    article: Article,
    options: ResolvedOptions,
    handlers: Handlers,
    balance?: { page: number; bottom: number },
    inlineHandlers: InlineHandlers = defaultInlineHandlers,
  ) {
    this.inlineHandlers = inlineHandlers
    this.doc = doc
    this.article = article
    this.options = options
    this.labels = options.labels
    this.handlers = handlers
    this.direction = article.derived.dir
    this.page = new PageFrame({
      pageWidth: doc.page.width,
      pageHeight: doc.page.height,
      margins: options.margins,
      columns: options.columns,
      gutter: options.gutter,
      direction: this.direction,
      ...(balance ? { balance } : {}),
    })
    this.language = article.meta.language
    this.stats = {
      lines: 0,
      justifiedLines: 0,
      loosestSpaceRatio: 1,
      tightestSpaceRatio: 1,
      hyphenatedLines: 0,
      maxConsecutiveHyphens: 0,
      pages: 1,
      lineBreaker: options.lineBreaker,
    }
    this.tagging = new Tagging(doc)
    this.definitions = definitionsOf(article)
    this.notes = new Footnotes(this, this.definitions.footnotes)
  }

  /* ----- walking ----- */

  one(node: Nodes, parent?: Parent): void {
    const handler = this.handlers[node.type] ?? this.handlers.unknown
    handler(this, node, parent)
  }

  all(parent: Parent): void {
    const children = parent.children as Nodes[]
    children.forEach((child, index) => {
      this.following = children[index + 1]
      this.one(child, parent)
    })
    this.following = undefined
  }

  /** Height that must follow `node` in its column (keep rules in `keep.ts`). */
  keepAfter(node: Nodes): number {
    const size = this.options.fontSize
    return keepAfter(node, this.following, { size, leading: size * this.options.lineHeight })
  }

  /* ----- the page frame ----- */

  /** Top of the next block, top-down points. */
  get y(): number {
    return this.page.y
  }

  set y(value: number) {
    this.page.y = value
  }

  /** Where text goes now: the current column, minus the insets of enclosing blocks. */
  get frame(): Box {
    return this.page.box
  }

  /** Report a message through `options.report` (never throws). */
  warn(reason: string, node: Nodes | undefined, ruleId: string): void {
    if (!this.options.report) return
    const message = new VFileMessage(reason, {
      place: node?.position,
      ruleId,
      source: 'pressroom-pdf',
    })
    if (this.article.path) message.file = this.article.path
    this.options.report(message)
  }

  /* ----- structure ----- */

  /** Open structure elements, the document's root first. */
  get structStack(): StructElement[] {
    return this.tagging.stack
  }

  set structStack(stack: StructElement[]) {
    this.tagging.stack = stack
  }

  get struct(): StructElement {
    return this.tagging.current
  }

  /** Open a structure element under the current one. */
  open(type: string, options: Record<string, unknown> = {}): StructElement {
    return this.tagging.open(type, options)
  }

  close(): void {
    this.tagging.close()
  }

  /** Draw something as an artifact (not part of the content). */
  artifact(type: 'Layout' | 'Pagination', draw: () => void): void {
    this.tagging.artifact(type, draw)
  }

  /* ----- inline content ----- */

  baseStyle(): Style {
    return { font: 'serif', size: this.options.fontSize, color: colors.text }
  }

  /** The definitions, by the reader's rule (definitions.ts: the first of each identifier wins). */
  readonly definitions: Definitions

  /** The link/image definition for a reference (`[text][ref]`, `![alt][ref]`); the first wins. */
  definition(identifier: string): Definition | undefined {
    return this.definitions.links.get(identifier)
  }

  /** Phrasing content to styled runs: one inline handler per node type (inline/<type>.ts). */
  runs(nodes: PhrasingContent[], style: Style): Run[] {
    const out: Run[] = []
    for (const node of nodes) {
      const handler = this.inlineHandlers[node.type] ?? this.inlineHandlers.unknown
      out.push(...handler(this, node, style))
    }
    return out
  }

  /** A new link identity (one Link structure element per link). */
  nextLinkId(): number {
    return ++this.linkCount
  }

  private ids: Set<string> | undefined

  /**
   * The style of a link to `url`: an in-page `#id` that names a heading goes to that heading's
   * named destination (a GoTo action); anything else is a URI, when the toolkit's one URL policy
   * (`safeUrl`: http, https, mailto, tel, relative) allows it. An unsafe URL gives no link at all
   * (`undefined`, reported as `unsafe-url` when `node` is given): its text is printed as text.
   */
  linkStyle(
    url: string,
    node?: Nodes,
  ): Pick<Style, 'link' | 'linkId' | 'goTo' | 'color'> | undefined {
    const safe = safeUrl(url, 'link')
    if (safe === undefined) {
      if (node)
        this.warn(
          `Unsafe URL \`${url}\` dropped (allowed: http, https, mailto, tel, relative)`,
          node,
          'unsafe-url',
        )
      return undefined
    }
    if (!this.ids) {
      const ids = new Set<string>()
      const visit = (node: Nodes) => {
        const id = (node.data as { id?: unknown } | undefined)?.id
        if (node.type === 'heading' && typeof id === 'string') ids.add(id)
        if ('children' in node) for (const child of node.children) visit(child as Nodes)
      }
      visit(this.article.tree)
      this.ids = ids
    }
    const style: Pick<Style, 'link' | 'linkId' | 'goTo' | 'color'> = {
      link: safe,
      linkId: this.nextLinkId(),
      color: colors.link,
    }
    if (url.startsWith('#')) {
      let id = url.slice(1)
      try {
        id = decodeURIComponent(id)
      } catch {}
      if (this.ids.has(id)) style.goTo = id
    }
    return style
  }

  /* ----- setting and placing ----- */

  set(runs: Run[], options: Partial<SetOptions> & { width?: number } = {}): Line[] {
    const direction = options.direction ?? this.direction
    const lines = setParagraph(runs, {
      width: options.width ?? this.frame.width,
      leading: options.leading ?? this.options.fontSize * this.options.lineHeight,
      align:
        options.align ??
        (this.options.justify ? 'justify' : direction === 'rtl' ? 'right' : 'left'),
      direction,
      language: options.language ?? this.language,
      hyphenate: options.hyphenate ?? this.options.hyphenate,
      lineBreaker: options.lineBreaker ?? this.options.lineBreaker,
      missing: (char) => {
        const key = `missing:${char}`
        if (this.reported.has(key)) return
        this.reported.add(key)
        this.warn(
          `No font has a glyph for U+${char.codePointAt(0)!.toString(16).toUpperCase().padStart(4, '0')}`,
          undefined,
          'missing-glyph',
        )
      },
      ...(options.firstWidth ? { firstWidth: options.firstWidth } : {}),
    })
    this.count(lines, options.align ?? 'justify')
    return lines
  }

  private hyphenRun = 0
  private count(lines: Line[], align: string): void {
    for (const line of lines) {
      this.stats.lines++
      if (line.hyphenated) {
        this.stats.hyphenatedLines++
        this.hyphenRun++
        if (this.hyphenRun > this.stats.maxConsecutiveHyphens)
          this.stats.maxConsecutiveHyphens = this.hyphenRun
      } else this.hyphenRun = 0
      if (align === 'justify' && !line.last && !Number.isNaN(line.spaceRatio)) {
        this.stats.justifiedLines++
        if (line.spaceRatio > this.stats.loosestSpaceRatio)
          this.stats.loosestSpaceRatio = line.spaceRatio
        if (line.spaceRatio < this.stats.tightestSpaceRatio)
          this.stats.tightestSpaceRatio = line.spaceRatio
      }
    }
    this.hyphenRun = 0
  }

  /** Bottom of the body area in this column (footnotes reserved). */
  bottom(): number {
    return this.page.bottom
  }

  atTop(): boolean {
    return this.page.atTop()
  }

  /** Break to the next column (or page) when `height` does not fit below `y`. */
  ensure(height: number): void {
    if (!this.atTop() && !this.page.fits(height)) this.newPage()
  }

  /** End the column here: the next one on this page, or a new page. */
  newPage(): void {
    this.page.mark()
    this.finishPage()
    if (this.page.hasNextColumn()) {
      this.page.nextColumn()
      this.placeFloats()
      return
    }
    this.doc.addPage()
    this.pageIndex++
    this.stats.pages++
    this.page.nextPage()
    this.placeFloats()
  }

  private floats: Array<{ place: () => void; stack: StructElement[] }> = []

  /** May a block float to the next column here (a top-level block, not inside a quote or list)? */
  canFloat(): boolean {
    return (
      !this.page.spanning &&
      this.structStack.length <= 2 &&
      this.page.box.width === this.page.columnBox.width
    )
  }

  /** Place `place` at the top of the next column; the text goes on here. */
  float(place: () => void): void {
    this.floats.push({ place, stack: this.structStack.slice() })
  }

  /** Place the floats waiting for a column (at the top of a new column, and at the end). */
  placeFloats(): void {
    const queue = this.floats
    this.floats = []
    for (const { place, stack } of queue) {
      const saved = this.structStack
      const rules = this.rules
      const following = this.following
      this.structStack = stack
      this.rules = []
      try {
        this.page.withoutInsets(place)
      } finally {
        this.structStack = saved
        this.rules = rules
        this.following = following
      }
    }
  }

  /** Set what has been set so far across every column; the columns start below it. */
  openColumns(): void {
    this.page.openColumns()
  }

  /** Draw the footnotes reserved in this column at its foot. */
  finishPage(): void {
    this.notes.finishColumn()
  }

  /** Draw a line, its pieces marked as content of `element` (links as Link elements). */
  drawLineTagged(
    line: Line,
    x: number,
    top: number,
    element: StructElement,
    tag: string,
    links?: Map<number, StructElement>,
  ): void {
    this.tagging.drawLine(line, x, top, element, tag, links)
  }

  /** Height of the footnotes first cited on `lines` and not yet placed (rule above included). */
  notesFor(lines: Line[], pending: string[] = []): number {
    return this.notes.heightFor(lines, pending)
  }

  /** Reserve, at the foot of this column, the footnotes cited on `line`. */
  reserveNotes(line: Line): void {
    this.notes.reserve(line)
  }

  /**
   * Place lines at `y`, breaking columns with the keep rules (`keep.ts`: widows, orphans, keep
   * with next) and room for the footnotes they reference; draws them tagged under a new element.
   * `dx` offsets the lines from the frame's left edge.
   */
  placeLines(lines: Line[], options: ParagraphOptions, dx = 0): void {
    if (options.spaceBefore && !this.atTop()) this.y += options.spaceBefore
    const element = this.open(options.tag, options.structOptions)
    const links = new Map<number, StructElement>()
    const n = lines.length
    // What follows is kept below the space after this block, not in it.
    const keepNext = options.keepWithNext ? options.keepWithNext + (options.spaceAfter ?? 0) : 0
    if (options.keepTogether) {
      let total = keepNext
      for (const line of lines) total += line.height
      this.ensure(total + this.notesFor(lines))
    }
    let i = 0
    while (i < n) {
      // How many lines fit in this column, footnotes included?
      let fit = 0
      let used = 0
      let notes = 0
      const pending: string[] = []
      for (let j = i; j < n; j++) {
        const line = lines[j]
        const need = this.notesFor([line], pending)
        if (this.y + used + line.height > this.bottom() - notes - need) break
        used += line.height
        notes += need
        fit++
      }
      const tailFits = fit < n - i || this.y + used + keepNext <= this.bottom() - notes + 0.01
      const k = linesForColumn({
        remaining: n - i,
        fit,
        atTop: this.atTop(),
        keepTogether: options.keepTogether ?? false,
        tailFits,
      })
      const x = this.frame.left + dx
      const top = this.y
      if (k > 0 && options.backdrop) {
        let height = 0
        for (let j = i; j < i + k; j++) height += lines[j].height
        options.backdrop(top, height)
      }
      if (options.destination && i === 0 && k > 0)
        this.doc.addNamedDestination(options.destination, 'XYZ', x, top, null)
      for (let j = i; j < i + k; j++) {
        const line = lines[j]
        this.drawLineTagged(line, x, this.y, element, options.tag, links)
        this.reserveNotes(line)
        this.y += line.height
      }
      if (k > 0 && this.rules.length > 0) this.drawRules(top, this.y)
      this.page.mark()
      i += k
      if (i < n) this.newPage()
    }
    for (const link of links.values()) link.end()
    this.close()
    if (options.spaceAfter) this.y += options.spaceAfter
  }

  private drawRules(top: number, bottom: number): void {
    const doc = this.doc
    this.artifact('Layout', () => {
      doc.save().lineWidth(1.5).strokeColor(colors.rule)
      const left = this.page.columnBox.left
      for (const x of this.rules) doc.moveTo(left + x, top + 2).lineTo(left + x, bottom - 2)
      doc.stroke().restore()
    })
  }

  /** Set and place a paragraph of runs. */
  paragraph(runs: Run[], options: ParagraphOptions & Partial<SetOptions>): void {
    const lines = this.set(runs, options)
    if (lines.length === 0) return
    this.placeLines(lines, options)
  }

  /** Draw a horizontal rule (artifact) across the frame at `y`. */
  rule(
    y: number,
    width = 0.5,
    color: Rgb = colors.rule,
    left = this.frame.left,
    length = this.frame.width,
  ): void {
    const doc = this.doc
    this.artifact('Layout', () => {
      doc
        .save()
        .lineWidth(width)
        .strokeColor(color)
        .moveTo(left, y)
        .lineTo(left + length, y)
        .stroke()
        .restore()
    })
  }

  /** Render blocks inside a narrower frame (insets from the left and right edges as drawn). */
  indented(left: number, right: number, render: () => void): void {
    this.page.inset(left, right, render)
  }
}

export function italic(font: FontKey): FontKey {
  if (font === 'serif') return 'serifItalic'
  if (font === 'serifBold') return 'serifBoldItalic'
  return font
}

export function bold(font: FontKey): FontKey {
  if (font === 'serif') return 'serifBold'
  if (font === 'serifItalic') return 'serifBoldItalic'
  if (font === 'mono') return 'monoBold'
  if (font === 'arabic') return 'arabicBold'
  return font
}

export type { RootContent }
export { drawLine }
