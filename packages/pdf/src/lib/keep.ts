/**
 * Keep rules, in one place: what must stay together across a column or page break. Every block
 * handler asks here; `State.placeLines` applies the line rules (widows, orphans, keep-with-next of a
 * paragraph's tail) with `linesForColumn`.
 *
 * - Widows and orphans: at least `minLines` lines of a paragraph on each side of a break.
 * - A heading keeps with the start of what follows (at least two lines of it).
 * - A paragraph that introduces a code block, table, list or quote, ending with a colon, keeps its
 *   last lines with the start of that block.
 * - A quotation keeps its attribution (a last paragraph that opens with a dash) with its last lines.
 * - Code blocks and tables split between lines or rows, with `minLines` lines or one row (plus the
 *   header) on each side; figures, pull quotes and headings never split.
 */
import type { Nodes, Paragraph, Parent } from 'mdast'
import { toString as mdastToString } from 'mdast-util-to-string'

/** Lines of a paragraph kept together at a break, on each side. */
export const minLines = 2

/** The measures a rule needs from the layout. */
export interface KeepContext {
  /** Body leading in points. */
  leading: number
  /** Body font size in points. */
  size: number
}

const introduced = new Set(['code', 'table', 'list', 'blockquote', 'math'])

/** A paragraph ending with a colon (the last text before any closing quote or space). */
export function endsWithColon(node: Nodes): boolean {
  if (node.type !== 'paragraph') return false
  return /[:：]\s*["”’»)]*\s*$/u.test(mdastToString(node))
}

/** A quote's attribution: a paragraph that opens with an em dash, a horizontal bar or "--". */
export function isAttribution(node: Nodes | undefined): node is Paragraph {
  if (node?.type !== 'paragraph') return false
  return /^\s*(?:—|―|--|–\s)/u.test(mdastToString(node))
}

/** The least height a block needs where it starts, so that its start is not stranded. */
export function startHeight(node: Nodes | undefined, context: KeepContext): number {
  if (!node) return 0
  const { leading, size } = context
  switch (node.type) {
    case 'heading':
      return size * 1.5 * 1.25 + size * 1.5 + minLines * leading
    case 'code': {
      const lines = Math.min(minLines + 1, node.value.split('\n').length)
      return 12 + lines * size * 0.82 * 1.35
    }
    case 'table':
      // The header row and the first row, one or two lines each.
      return 4 + 2 * (size * 0.88 * 1.3 * 2 + 8)
    case 'list':
    case 'blockquote':
    case 'aside':
      return startHeight((node as Parent).children[0] as Nodes, context) + size * 0.6
    case 'thematicBreak':
      return 24
    default:
      return minLines * leading
  }
}

/**
 * Height that must follow a block's last line in the same column: the start of `next`, when
 * `node` is a heading, a paragraph introducing `next` with a colon, or a quote's last paragraph
 * before its attribution.
 */
export function keepAfter(node: Nodes, next: Nodes | undefined, context: KeepContext): number {
  if (!next) return 0
  if (node.type === 'heading') return startHeight(next, context)
  if (node.type === 'paragraph') {
    if (endsWithColon(node) && introduced.has(next.type)) return startHeight(next, context)
    if (isAttribution(next)) return context.leading * 1.2
  }
  return 0
}

/**
 * How many of the `remaining` lines of a paragraph go in this column, when `fit` of them fit and
 * `tailFits` tells whether the paragraph's end and what it keeps with (keep-with-next) fit too.
 */
export function linesForColumn(options: {
  remaining: number
  fit: number
  atTop: boolean
  keepTogether: boolean
  tailFits: boolean
}): number {
  const { remaining, atTop, keepTogether } = options
  let k = Math.min(options.fit, remaining)
  if (k === remaining) {
    if (options.tailFits || atTop) return remaining
    if (keepTogether) return 0
    // Carry the last lines over with what follows them.
    k = remaining - Math.min(remaining, minLines)
  } else if (keepTogether && !atTop) return 0
  // Widows: never leave fewer than minLines at the top of the next column.
  if (remaining - k < minLines && remaining > minLines) k = Math.min(k, remaining - minLines)
  // Orphans: never fewer than minLines at the foot of this one.
  if (k < minLines && !atTop) k = 0
  // At the top of a column something must go, or nothing ever would.
  return atTop ? Math.max(1, k) : k
}
