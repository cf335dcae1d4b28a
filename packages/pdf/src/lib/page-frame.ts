/**
 * The page frame: where text may go on a page. A page has a body area (inside the margins) cut
 * into columns; the flow fills one column top to bottom, then the next, then a new page. Blocks
 * that span every column (headline, dek, byline, hero image) are set before the columns open.
 *
 * This file knows geometry only; what must stay together (keep rules) is in `keep.ts`.
 */

/** A rectangle's left edge and width. */
export interface Box {
  left: number
  width: number
}

export interface FrameOptions {
  pageWidth: number
  pageHeight: number
  margins: { top: number; right: number; bottom: number; left: number }
  columns: number
  gutter: number
  direction: 'ltr' | 'rtl'
  /** Balance the columns of one page: the text ends at `bottom` there (set by a second pass). */
  balance?: { page: number; bottom: number }
}

export class PageFrame {
  readonly options: FrameOptions
  /** Column index on this page (0 = where reading starts: the left column, or the right one in RTL). */
  column = 0
  /** Spanning: one full-width column (title block, hero) until `openColumns`. */
  spanning = true
  /** Top of the current column (below a spanning block on the first page). */
  top: number
  /** Next free y, top-down points. */
  y: number
  /** Points reserved at the foot of the current column (footnotes). */
  reserved = 0
  /** Index of the page (0 = first). */
  page = 0
  /** The lowest y text reached in each column of this page. */
  reached: number[] = []
  /** Insets of nested blocks (quotes, lists, asides) from the column's edges. */
  private insets: Array<{ left: number; right: number }> = []

  constructor(options: FrameOptions) {
    this.options = options
    this.top = options.margins.top
    this.y = this.top
  }

  /** The body area inside the margins. */
  get body(): Box {
    const { margins, pageWidth } = this.options
    return { left: margins.left, width: pageWidth - margins.left - margins.right }
  }

  get columns(): number {
    return this.spanning ? 1 : this.options.columns
  }

  /** Width of one column. */
  get columnWidth(): number {
    const n = this.columns
    return (this.body.width - (n - 1) * this.options.gutter) / n
  }

  /** The current column's box. */
  get columnBox(): Box {
    const body = this.body
    const width = this.columnWidth
    const n = this.columns
    const index = this.options.direction === 'rtl' ? n - 1 - this.column : this.column
    return { left: body.left + index * (width + this.options.gutter), width }
  }

  /** Where text goes now: the column minus the insets of the blocks we are in. */
  get box(): Box {
    const column = this.columnBox
    let left = column.left
    let width = column.width
    for (const inset of this.insets) {
      left += inset.left
      width -= inset.left + inset.right
    }
    return { left, width }
  }

  /** Bottom of the body area of the current column, footnotes reserved. */
  get bottom(): number {
    const bottom = this.options.pageHeight - this.options.margins.bottom - this.reserved
    const balance = this.options.balance
    if (balance && balance.page === this.page && !this.spanning)
      return Math.min(bottom, balance.bottom)
    return bottom
  }

  /** Note how low text went in this column (for balancing the last page). */
  mark(): void {
    this.reached[this.column] = Math.max(this.reached[this.column] ?? 0, this.y)
  }

  /** Height of a full column. */
  get columnHeight(): number {
    const { margins, pageHeight } = this.options
    return pageHeight - margins.top - margins.bottom
  }

  atTop(): boolean {
    return this.y <= this.top + 0.01
  }

  /** Does `height` fit below `y` in this column? */
  fits(height: number): boolean {
    return this.y + height <= this.bottom + 0.01
  }

  /** Space left in this column. */
  room(): number {
    return this.bottom - this.y
  }

  /** Start the columns below what has been set spanning. */
  openColumns(): void {
    this.spanning = false
    this.column = 0
    this.top = this.y
    this.reached = []
  }

  /** Is there another column on this page? */
  hasNextColumn(): boolean {
    return this.column < this.columns - 1
  }

  /** Move to the next column of this page (the caller checked `hasNextColumn`). */
  nextColumn(): void {
    this.column++
    this.y = this.top
    this.reserved = 0
  }

  /** A fresh page: first column, at the top margin. */
  nextPage(): void {
    this.page++
    this.reached = []
    this.column = 0
    this.top = this.options.margins.top
    this.y = this.top
    this.reserved = 0
  }

  /** Indent nested blocks by `left`/`right` points (start/end edges as drawn) while `render` runs. */
  inset(left: number, right: number, render: () => void): void {
    this.insets.push({ left, right })
    try {
      render()
    } finally {
      this.insets.pop()
    }
  }

  /** Run `render` at the column's full width (a float placed while nested blocks are open). */
  withoutInsets(render: () => void): void {
    const saved = this.insets
    this.insets = []
    try {
      render()
    } finally {
      this.insets = saved
    }
  }
}
