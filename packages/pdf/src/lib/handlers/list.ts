import type { List, ListItem } from 'mdast'
import { drawPieces } from '../draw.js'
import { colors, type State } from '../state.js'

const indentStep = 20

/** A list (ordered, bullet or task), nested by indenting. */
export function list(state: State, node: List): void {
  state.open('L', { title: node.ordered ? 'ordered' : 'unordered' })
  let number = node.start ?? 1
  for (const item of node.children) {
    listItem(state, item, node, node.ordered ? `${number++}.` : undefined)
  }
  state.close()
  if (!node.spread) state.y += state.options.fontSize * 0.3
}

/** One list item: Lbl (bullet, number or check box) and LBody with its blocks. */
export function listItem(state: State, node: ListItem, parent?: List, label?: string): void {
  const size = state.options.fontSize
  const leading = size * state.options.lineHeight
  const rtl = state.direction === 'rtl'
  state.open('LI')
  // The label sits on the body's first line: make sure that line stays on this page.
  state.ensure(leading * 2)
  const lineTop = state.y
  const style = { font: 'serif' as const, size, color: colors.text }
  const text = label ?? (node.checked == null ? '•' : '')
  const lbl = state.open(
    'Lbl',
    node.checked == null ? {} : { alt: node.checked ? 'done' : 'not done' },
  )
  const content = state.doc.markStructureContent('Lbl')
  const x = rtl ? state.frame.left + state.frame.width - indentStep + 4 : state.frame.left
  if (text) {
    const lines = state.set([{ text, style }], {
      width: indentStep,
      align: 'left',
      direction: 'ltr',
      hyphenate: false,
      lineBreaker: 'greedy',
    })
    const baseline = lineTop + (leading - size) / 2 + size * 0.8
    if (lines[0]) drawPieces(state.doc, lines[0].pieces, x, baseline)
  } else {
    // Task list item: an empty or ticked box.
    const box = size * 0.75
    const top = lineTop + (leading - box) / 2
    const doc = state.doc
    doc.save().lineWidth(0.7).strokeColor(colors.text).rect(x, top, box, box).stroke()
    if (node.checked) {
      doc
        .moveTo(x + box * 0.2, top + box * 0.55)
        .lineTo(x + box * 0.42, top + box * 0.8)
        .lineTo(x + box * 0.85, top + box * 0.2)
        .stroke()
    }
    doc.restore()
  }
  state.doc.endMarkedContent()
  lbl.add(content)
  state.close()
  state.open('LBody')
  const spread = parent?.spread || node.spread
  state.indented(rtl ? 0 : indentStep, rtl ? indentStep : 0, () => {
    for (const child of node.children) {
      if (child.type === 'paragraph') {
        state.paragraph(state.runs(child.children, state.baseStyle()), {
          tag: 'P',
          spaceAfter: spread ? size * 0.6 : size * 0.15,
        })
      } else state.one(child, node)
    }
  })
  state.close()
  state.close()
}
