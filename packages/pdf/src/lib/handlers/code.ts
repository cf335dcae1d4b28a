import type { Code } from 'mdast'
import { colors, type State } from '../state.js'
import type { Line } from '../typeset.js'

/** A code block: monospace, not justified nor hyphenated, on a light background. */
export function code(state: State, node: Code): void {
  const size = state.options.fontSize * 0.82
  const leading = size * 1.35
  const pad = 6
  const lines: Line[] = []
  for (const source of node.value.split('\n')) {
    const set = state.set(
      [
        {
          text: source.replace(/\t/g, '  ') || ' ',
          style: { font: 'mono', size, color: colors.text, noHyphen: true },
        },
      ],
      {
        width: state.frame.width - 2 * pad,
        leading,
        align: 'left',
        direction: 'ltr',
        hyphenate: false,
        lineBreaker: 'greedy',
      },
    )
    if (set.length === 0)
      lines.push({
        pieces: [],
        height: leading,
        spaceRatio: Number.NaN,
        hyphenated: false,
        notes: [],
        last: true,
      })
    else lines.push(...set)
  }
  state.y += pad
  const top = state.y
  const page = state.pageIndex
  // Whole block on one page when it fits on one.
  let height = 0
  for (const line of lines) height += line.height
  if (height < state.doc.page.height / 2) state.ensure(height + pad)
  const start = state.pageIndex === page ? top : state.y
  const doc = state.doc
  // Background behind what lands on this page (drawn first, as an artifact).
  const room = Math.min(height, state.bottom() - start)
  state.artifact('Layout', () => {
    doc
      .save()
      .fillColor([244, 244, 241])
      .rect(state.frame.left, start - pad / 2, state.frame.width, room + pad)
      .fill()
      .restore()
  })
  state.indented(pad, pad, () => {
    state.placeLines(lines, { tag: 'Code', structOptions: node.lang ? { title: node.lang } : {} })
  })
  state.y += pad + state.options.fontSize * 0.4
}
