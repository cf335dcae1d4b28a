import type { Table } from 'mdast'
import { colors, type State } from '../state.js'
import { type Line, naturalWidth, type Run } from '../typeset.js'

const pad = 4

/** A table (GFM): Table > TR > TH/TD, columns sized by content, rows never split. */
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
  const tableElement = state.open('Table')
  state.y += 4
  cellRuns.forEach((row, r) => {
    const align = node.align ?? []
    const set: Line[][] = row.map((runs, c) =>
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
    )
    const height = Math.max(leading, ...set.map((lines) => lines.length * leading)) + 2 * pad
    state.ensure(height)
    const top = state.y
    state.open('TR')
    let x = rtl ? state.frame.left + scaled.reduce((a, b) => a + b, 0) : state.frame.left
    set.forEach((lines, c) => {
      if (rtl) x -= scaled[c]
      const tag = r === 0 ? 'TH' : 'TD'
      const cell = state.open(tag, r === 0 ? { scope: 'Column' } : {})
      let y = top + pad
      for (const line of lines) {
        state.drawLineTagged(line, x + pad, y, cell, tag, new Map())
        y += line.height
      }
      state.close()
      if (!rtl) x += scaled[c]
    })
    state.close()
    state.y = top + height
    state.rule(
      state.y,
      r === 0 ? 0.8 : 0.3,
      r === 0 ? colors.text : colors.rule,
      state.frame.left,
      scaled.reduce((a, b) => a + b, 0),
    )
  })
  void tableElement
  state.close()
  state.y += state.options.fontSize
}
