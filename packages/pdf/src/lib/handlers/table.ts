import type { Table } from 'mdast'
import { drawLine } from '../draw.js'
import { colors, type State } from '../state.js'
import { type Line, naturalWidth, type Run } from '../typeset.js'

const pad = 4

/**
 * A table (GFM): Table > TR > TH/TD, columns sized by content, rows never split, the header kept
 * with the first row and repeated (as an artifact) at the top of every continuation page.
 */
export function table(state: State, node: Table): void {
  const size = state.options.fontSize * 0.88
  const leading = size * 1.3
  const rows = node.children
  const columns = Math.max(...rows.map((r) => r.children.length))
  const cellRuns: Run[][][] = rows.map((row, r) =>
    row.children.map((cell) =>
      state.runs(cell.children, {
        font: r === 0 ? 'serifBold' : 'serif',
        size,
        color: colors.text,
      }),
    ),
  )
  // Column widths: natural widths, shrunk to fit, at least a fair minimum.
  const natural = new Array(columns).fill(20)
  for (const row of cellRuns)
    row.forEach((runs, c) => {
      natural[c] = Math.max(natural[c], naturalWidth(runs) + 2 * pad + 1)
    })
  const total = natural.reduce((a, b) => a + b, 0)
  const available = state.frame.width
  const widths =
    total <= available
      ? natural
      : natural.map((w) => Math.max(available / columns / 2, (w / total) * available))
  const sum = widths.reduce((a, b) => a + b, 0)
  const scaled = widths.map((w) => (w * Math.min(available, sum)) / sum)
  const rtl = state.direction === 'rtl'
  const align = node.align ?? []
  const tableWidth = scaled.reduce((a, b) => a + b, 0)
  // Set every row first: heights decide where pages break.
  const rowsSet: Line[][][] = cellRuns.map((row) =>
    row.map((runs, c) =>
      state.set(runs, {
        width: scaled[c] - 2 * pad,
        leading,
        align:
          align[c] === 'right'
            ? 'right'
            : align[c] === 'center'
              ? 'center'
              : rtl
                ? 'right'
                : 'left',
        hyphenate: false,
        lineBreaker: 'greedy',
      }),
    ),
  )
  const heights = rowsSet.map(
    (set) => Math.max(leading, ...set.map((lines) => lines.length * leading)) + 2 * pad,
  )
  const ruleUnder = (r: number) =>
    state.rule(
      state.y,
      r === 0 ? 0.8 : 0.3,
      r === 0 ? colors.text : colors.rule,
      tableLeft(),
      tableWidth,
    )
  // The table sits on the start side: the right edge in a right-to-left article.
  const tableLeft = () =>
    rtl ? state.frame.left + state.frame.width - tableWidth : state.frame.left
  const cellX = (c: number) => {
    const before = scaled.slice(0, c).reduce((a, b) => a + b, 0)
    return rtl ? tableLeft() + tableWidth - before - scaled[c] : tableLeft() + before
  }
  // Footnotes cited in a row go to the foot of the column the row lands in.
  const rowNotes = (r: number) => state.notesFor(rowsSet[r].flat())

  /** The header row again at the top of a continuation page: an artifact, not a second header. */
  const repeatHeader = () => {
    const top = state.y
    state.artifact('Pagination', () => {
      rowsSet[0].forEach((lines, c) => {
        let y = top + pad
        for (const line of lines) {
          drawLine(state.doc, line, cellX(c) + pad, y)
          y += line.height
        }
      })
    })
    state.y = top + heights[0]
    ruleUnder(0)
  }

  const tableElement = state.open('Table')
  state.y += 4
  // The header stays with the first row.
  state.ensure(heights[0] + (heights[1] ?? 0) + rowNotes(0) + (heights[1] ? rowNotes(1) : 0))
  rowsSet.forEach((set, r) => {
    // Rows never split; the last row does not stand alone on a new column (keep.ts: widows).
    const need =
      heights[r] +
      rowNotes(r) +
      (r === rows.length - 2 && r >= 2 ? heights[r + 1] + rowNotes(r + 1) : 0)
    if (r > 0 && !state.atTop() && state.y + need > state.bottom()) {
      state.newPage()
      if (heights.length > 1) repeatHeader()
    }
    const top = state.y
    state.open('TR')
    set.forEach((lines, c) => {
      const tag = r === 0 ? 'TH' : 'TD'
      const cell = state.open(tag, r === 0 ? { scope: 'Column' } : {})
      let y = top + pad
      for (const line of lines) {
        state.drawLineTagged(line, cellX(c) + pad, y, cell, tag, new Map())
        state.reserveNotes(line)
        y += line.height
      }
      state.close()
    })
    state.close()
    state.y = top + heights[r]
    ruleUnder(r)
  })
  void tableElement
  state.close()
  state.y += state.options.fontSize
}
