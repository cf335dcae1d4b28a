/**
 * Footnotes: numbered in order of first citation, fed from every drawn line (body, lists, quotes,
 * captions, table cells: each line carries the labels cited on it), set at the column's width and
 * placed at the foot of the column that first cites them, under a short rule, tagged `Note`.
 */
import type { FootnoteDefinition } from 'mdast'
import { toString as mdastToString } from 'mdast-util-to-string'
import type { State } from './state.js'
import { colors } from './state.js'
import type { Line, Run, Style } from './typeset.js'

interface PreparedNote {
  number: number
  lines: Line[]
  height: number
}

/** Space for the rule above the first note of a column. */
const ruleSpace = 14

export class Footnotes {
  private readonly state: State
  private readonly numbers = new Map<string, number>()
  /** The footnote definitions, by the reader's rule (definitions.ts: the first one wins). */
  private readonly definitions: ReadonlyMap<string, FootnoteDefinition>
  private readonly placed = new Set<string>()
  private readonly prepared = new Map<string, PreparedNote>()
  /** Notes waiting for the foot of the current column, and their height (rule included). */
  private column: PreparedNote[] = []
  private height = 0

  constructor(state: State, definitions: ReadonlyMap<string, FootnoteDefinition>) {
    this.state = state
    this.definitions = definitions
  }

  has(label: string): boolean {
    return this.definitions.has(label)
  }

  /** The number of a citation (numbers follow the order of first citation). */
  number(label: string): number {
    let number = this.numbers.get(label)
    if (number === undefined) {
      number = this.numbers.size + 1
      this.numbers.set(label, number)
    }
    return number
  }

  /** Height of the notes first cited on `lines` and not yet placed (rule above included). */
  heightFor(lines: Line[], pending: string[] = []): number {
    let need = 0
    let first = this.column.length === 0 && pending.length === 0
    for (const line of lines)
      for (const label of line.notes) {
        if (this.placed.has(label) || pending.includes(label)) continue
        need += this.prepare(label).height + (first ? ruleSpace : 0)
        first = false
        pending.push(label)
      }
    return need
  }

  /** Reserve, at the foot of this column, the notes cited on `line`. */
  reserve(line: Line): void {
    for (const label of line.notes) {
      if (this.placed.has(label)) continue
      this.placed.add(label)
      const note = this.prepare(label)
      if (this.column.length === 0) this.height += ruleSpace
      this.column.push(note)
      this.height += note.height
    }
    this.state.page.reserved = this.height
  }

  /** Draw the notes reserved in this column at its foot. */
  finishColumn(): void {
    if (this.column.length === 0) return
    const { state } = this
    const { doc, direction, tagging } = state
    const { left, width } = state.page.columnBox
    let y = doc.page.height - state.options.margins.bottom - this.height + 6
    tagging.artifact('Layout', () => {
      doc
        .save()
        .lineWidth(0.5)
        .strokeColor(colors.rule)
        .moveTo(left + (direction === 'rtl' ? width - 60 : 0), y)
        .lineTo(left + (direction === 'rtl' ? width : 60), y)
        .stroke()
        .restore()
    })
    y += 6
    for (const note of this.column) {
      const element = doc.struct('Note', { title: String(note.number) })
      tagging.root.add(element)
      for (const line of note.lines) {
        tagging.drawLine(line, left, y, element, 'Note')
        y += line.height
      }
      element.end()
      y += 2
    }
    this.column = []
    this.height = 0
    state.page.reserved = 0
  }

  /** Set a note for the foot of a column (once; the columns are all one width). */
  private prepare(label: string): PreparedNote {
    const cached = this.prepared.get(label)
    if (cached) return cached
    const { state } = this
    const number = this.number(label)
    const definition = this.definitions.get(label)
    const size = state.options.fontSize * 0.78
    const style: Style = { font: 'serif', size, color: colors.text }
    const runs: Run[] = [{ text: `${number}. `, style: { ...style, font: 'serifBold' } }]
    definition?.children.forEach((child, index) => {
      if (index > 0) runs.push({ text: ' ', style })
      if ('children' in child && child.type === 'paragraph')
        runs.push(...state.runs(child.children, style))
      else runs.push({ text: mdastToString(child), style })
    })
    const lines = state.set(runs, {
      width: state.page.columnBox.width,
      leading: size * 1.3,
      align: state.direction === 'rtl' ? 'right' : 'left',
      lineBreaker: 'greedy',
    })
    let height = 2
    for (const line of lines) height += line.height
    const note = { number, lines, height }
    this.prepared.set(label, note)
    return note
  }
}
