import type { Code } from 'mdast'
import { widthOf } from '../fonts.js'
import { colors, type State } from '../state.js'
import type { Line } from '../typeset.js'

/** A code block: monospace, not justified nor hyphenated, on a light background. */
export function code(state: State, node: Code): void {
  const size = state.options.fontSize * 0.82
  const leading = size * 1.35
  const pad = 6
  const lines: Line[] = []
  const width = state.frame.width - 2 * pad
  // Monospace: as many characters as fit, long lines wrapped by character count (a URL or a CSV
  // row has no space to break at).
  const perRow = Math.max(8, Math.floor(width / widthOf('mono', '0', size)))
  for (const source of node.value.split('\n')) {
    for (const row of wrap(source.replace(/\t/g, '    '), perRow)) {
      const set = state.set(
        [
          {
            text: keepSpaces(row) || ' ',
            style: { font: 'mono', size, color: colors.text, noHyphen: true },
          },
        ],
        {
          width,
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
  }
  state.y += pad
  const doc = state.doc
  // Split between lines like a paragraph (keep.ts), with the background behind each part.
  state.indented(pad, pad, () => {
    state.placeLines(lines, {
      tag: 'Code',
      structOptions: node.lang ? { title: node.lang } : {},
      backdrop: (top, height) => {
        const { left, width } = state.frame
        state.artifact('Layout', () => {
          doc
            .save()
            .fillColor([244, 244, 241])
            .rect(left - pad, top - pad / 2, width + 2 * pad, height + pad)
            .fill()
            .restore()
        })
      },
    })
  })
  state.y += pad + state.options.fontSize * 0.4
}

/** Cut a line of code into rows of at most `perRow` characters, after a space or comma when one is near the end. */
function wrap(line: string, perRow: number): string[] {
  const rows: string[] = []
  let rest = line
  while (Array.from(rest).length > perRow) {
    const chars = Array.from(rest)
    let cut = perRow
    for (let i = perRow; i > perRow * 0.6; i--) {
      if (/[\s,;]/.test(chars[i - 1])) {
        cut = i
        break
      }
    }
    rows.push(chars.slice(0, cut).join(''))
    rest = chars.slice(cut).join('')
  }
  rows.push(rest)
  return rows
}

/**
 * Indentation and runs of spaces are meaningful in code: the line setter would collapse them, so
 * leading spaces and all but the first of a run become no-break spaces (same width in a monospace).
 */
function keepSpaces(row: string): string {
  return row
    .replace(/^ +/, (spaces) => '\u00A0'.repeat(spaces.length))
    .replace(/ {2,}/g, (spaces) => ` ${'\u00A0'.repeat(spaces.length - 1)}`)
}
