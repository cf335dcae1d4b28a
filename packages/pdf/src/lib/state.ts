/**
 * The walker's state: the document, where we are on the page, the structure
 * element stack, footnotes waiting for their page, statistics; `one`/`all`
 * dispatch to one handler per node type.
 */
import type { Article } from '@pressroom/article'
import type { FootnoteDefinition, Nodes, Parent, PhrasingContent, RootContent } from 'mdast'
import { toString as mdastToString } from 'mdast-util-to-string'
import { VFileMessage } from 'vfile-message'
import { drawLine, drawPieces } from './draw.js'
import type { FontKey } from './fonts.js'
import { keepAfter, linesForColumn } from './keep.js'
import type { Labels, ResolvedOptions, TypesetStats } from './options.js'
import { type Box, PageFrame } from './page-frame.js'
import {
  type Line,
  lineBreak,
  type Rgb,
  type Run,
  type SetOptions,
  type Style,
  setParagraph,
} from './typeset.js'

type Doc = PDFKit.PDFDocument
export type StructElement = PDFKit.PDFStructureElement

// biome-ignore lint/suspicious/noExplicitAny: each handler narrows the node type it handles
export type Handler = (state: State, node: any, parent: Parent | undefined) => void
export type Handlers = Record<string, Handler>

export const colors = {
  text: [26, 26, 26] as Rgb,
  muted: [90, 90, 90] as Rgb,
  accent: [160, 20, 30] as Rgb,
  link: [20, 60, 140] as Rgb,
  rule: [150, 150, 150] as Rgb,
}

interface PreparedNote {
  number: number
  lines: Line[]
  height: number
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
}

export class State {
  doc: Doc
  article: Article
  options: ResolvedOptions
  labels: Labels
  handlers: Handlers
  /** The page frame: columns, where the flow is, what is reserved at the foot. */
  page: PageFrame
  /** The block after the one being handled, in its parent (for keep rules). */
  following: Nodes | undefined
  direction: 'ltr' | 'rtl'
  language: string
  structStack: StructElement[] = []
  /** x positions of vertical rules drawn beside lines (block quotes), from the column's left edge. */
  rules: number[] = []
  stats: TypesetStats
  private noteNumbers = new Map<string, number>()
  private definitions = new Map<string, FootnoteDefinition>()
  private placedNotes = new Set<string>()
  private pageNotes: PreparedNote[] = []
  private notesHeight = 0
  private linkCount = 0
  private reported = new Set<string>()
  pageIndex = 0

  constructor(doc: Doc, article: Article, options: ResolvedOptions, handlers: Handlers) {
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
    for (const node of article.tree.children) {
      if (node.type === 'footnoteDefinition') this.definitions.set(node.identifier, node)
    }
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

  get struct(): StructElement {
    return this.structStack[this.structStack.length - 1]
  }

  /** Open a structure element under the current one. */
  open(type: string, options: Record<string, unknown> = {}): StructElement {
    const element = this.doc.struct(type, options as PDFKit.Mixins.StructureElementOptions)
    this.struct.add(element)
    this.structStack.push(element)
    return element
  }

  close(): void {
    const element = this.structStack.pop()
    element?.end()
  }

  /** Draw something as an artifact (not part of the content). */
  artifact(type: 'Layout' | 'Pagination', draw: () => void): void {
    this.doc.markContent('Artifact', { type } as PDFKit.Mixins.MarkingOptions)
    draw()
    this.doc.endMarkedContent()
  }

  /* ----- inline content ----- */

  baseStyle(): Style {
    return { font: 'serif', size: this.options.fontSize, color: colors.text }
  }

  /** Phrasing content to styled runs. */
  runs(nodes: PhrasingContent[], style: Style): Run[] {
    const out: Run[] = []
    const walk = (node: PhrasingContent, style: Style) => {
      switch (node.type) {
        case 'text':
          out.push({ text: node.value, style })
          return
        case 'emphasis':
          for (const child of node.children) walk(child, { ...style, font: italic(style.font) })
          return
        case 'strong':
          for (const child of node.children) walk(child, { ...style, font: bold(style.font) })
          return
        case 'delete':
          for (const child of node.children) walk(child, style)
          return
        case 'inlineCode':
          out.push({
            text: node.value,
            style: { ...style, font: 'mono', size: style.size * 0.88, noHyphen: true },
          })
          return
        case 'link': {
          const id = ++this.linkCount
          const linkStyle: Style = { ...style, link: node.url, linkId: id, color: colors.link }
          for (const child of node.children) walk(child, linkStyle)
          return
        }
        case 'linkReference':
          for (const child of node.children) walk(child, style)
          return
        case 'break':
          out.push({ text: lineBreak, style })
          return
        case 'footnoteReference': {
          let number = this.noteNumbers.get(node.identifier)
          if (number === undefined) {
            number = this.noteNumbers.size + 1
            this.noteNumbers.set(node.identifier, number)
          }
          if (!this.definitions.has(node.identifier))
            this.warn(
              `Footnote \`${node.identifier}\` has no definition`,
              node,
              'footnote-undefined',
            )
          out.push({
            text: String(number),
            style: {
              ...style,
              size: style.size * 0.62,
              rise: style.size * 0.38,
              noteRef: node.identifier,
              noHyphen: true,
            },
          })
          return
        }
        case 'image':
        case 'imageReference':
          if (node.alt) out.push({ text: node.alt, style: { ...style, font: italic(style.font) } })
          return
        case 'html':
          return
        case 'span':
          for (const child of node.children) walk(child, style)
          return
        default: {
          const unknown = node as PhrasingContent
          this.warn(
            `Unknown inline node \`${unknown.type}\`: printed as plain text`,
            unknown,
            'unknown-node',
          )
          out.push({ text: mdastToString(unknown), style })
        }
      }
    }
    for (const node of nodes) walk(node, style)
    return out
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

  /** Draw the footnotes collected for this column at its foot. */
  finishPage(): void {
    if (this.pageNotes.length === 0) return
    const doc = this.doc
    const { margins } = this.options
    const { left, width } = this.page.columnBox
    let y = doc.page.height - margins.bottom - this.notesHeight + 6
    this.artifact('Layout', () => {
      doc
        .save()
        .lineWidth(0.5)
        .strokeColor(colors.rule)
        .moveTo(left + (this.direction === 'rtl' ? width - 60 : 0), y)
        .lineTo(left + (this.direction === 'rtl' ? width : 60), y)
        .stroke()
        .restore()
    })
    y += 6
    const root = this.structStack[0]
    for (const note of this.pageNotes) {
      const element = doc.struct('Note', { title: String(note.number) })
      root.add(element)
      for (const line of note.lines) {
        this.drawLineTagged(line, left, y, element, 'Note')
        y += line.height
      }
      element.end()
      y += 2
    }
    this.pageNotes = []
    this.notesHeight = 0
    this.page.reserved = 0
  }

  /** Lay out a footnote for the foot of the page. */
  private prepareNote(label: string): PreparedNote {
    const number = this.noteNumbers.get(label) ?? 0
    const definition = this.definitions.get(label)
    const size = this.options.fontSize * 0.78
    const style: Style = { font: 'serif', size, color: colors.text }
    const runs: Run[] = [{ text: `${number}. `, style: { ...style, font: 'serifBold' } }]
    if (definition) {
      definition.children.forEach((child, index) => {
        if (index > 0) runs.push({ text: ' ', style })
        if ('children' in child && child.type === 'paragraph')
          runs.push(...this.runs(child.children, style))
        else runs.push({ text: mdastToString(child), style })
      })
    }
    const lines = this.set(runs, {
      width: this.page.columnBox.width,
      leading: size * 1.3,
      align: this.direction === 'rtl' ? 'right' : 'left',
      lineBreaker: 'greedy',
    })
    let height = 2
    for (const line of lines) height += line.height
    return { number, lines, height }
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
    const doc = this.doc
    const pieces = line.pieces
    let i = 0
    const baseline = top + (drawLineBaseline(line) ?? 0)
    while (i < pieces.length) {
      const linkId = pieces[i].style.linkId
      let j = i
      while (j < pieces.length && pieces[j].style.linkId === linkId) j++
      const group = pieces.slice(i, j)
      if (linkId !== undefined && links) {
        let link = links.get(linkId)
        if (!link) {
          link = doc.struct('Link', { alt: group[0].style.link })
          element.add(link)
          links.set(linkId, link)
        }
        const content = doc.markStructureContent('Link')
        drawPieces(doc, group, x, baseline)
        doc.endMarkedContent()
        link.add(content)
        const first = group[0]
        const last = group[group.length - 1]
        const left = x + first.x
        const right = x + last.x + last.drawnWidth
        doc.link(left, top, right - left, line.height, first.style.link!, {
          structParent: link,
          Contents: new String(group[0].style.link),
        } as unknown as PDFKit.Mixins.AnnotationOption)
      } else {
        const content = doc.markStructureContent(tag)
        drawPieces(doc, group, x, baseline)
        doc.endMarkedContent()
        element.add(content)
      }
      i = j
    }
  }

  /** Height of the footnotes first referenced on `lines` and not yet placed (rule above included). */
  notesFor(lines: Line[], pending: string[] = []): number {
    let need = 0
    let first = this.pageNotes.length === 0 && pending.length === 0
    for (const line of lines)
      for (const label of line.notes) {
        if (this.placedNotes.has(label) || pending.includes(label)) continue
        need += this.noteHeight(label) + (first ? 14 : 0)
        first = false
        pending.push(label)
      }
    return need
  }

  /** Reserve, at the foot of this column, the footnotes referenced on `line`. */
  reserveNotes(line: Line): void {
    for (const label of line.notes) this.reserveNote(label)
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
    const keepNext = options.keepWithNext ?? 0
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
      for (let j = i; j < i + k; j++) {
        const line = lines[j]
        this.drawLineTagged(line, x, this.y, element, options.tag, links)
        this.reserveNotes(line)
        this.y += line.height
      }
      if (k > 0 && this.rules.length > 0) this.drawRules(top, this.y)
      i += k
      if (i < n) this.newPage()
    }
    for (const link of links.values()) link.end()
    this.close()
    if (options.spaceAfter) this.y += options.spaceAfter
  }

  private noteCache = new Map<string, PreparedNote>()
  private noteHeight(label: string): number {
    let note = this.noteCache.get(label)
    if (!note) {
      note = this.prepareNote(label)
      this.noteCache.set(label, note)
    }
    return note.height
  }

  reserveNote(label: string): void {
    if (this.placedNotes.has(label)) return
    this.placedNotes.add(label)
    this.noteHeight(label)
    const note = this.noteCache.get(label)!
    if (this.pageNotes.length === 0) this.notesHeight += 14
    this.pageNotes.push(note)
    this.notesHeight += note.height
    this.page.reserved = this.notesHeight
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

function drawLineBaseline(line: Line): number {
  let size = 0
  for (const p of line.pieces) if (!p.style.rise && p.style.size > size) size = p.style.size
  if (size === 0) size = line.pieces[0]?.style.size ?? line.height * 0.75
  return (line.height - size) / 2 + size * 0.8
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
