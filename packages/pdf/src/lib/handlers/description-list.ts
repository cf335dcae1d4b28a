import type { DescriptionDetails, DescriptionList, DescriptionTerm } from '@pressroom/article'
import { bold, type State } from '../state.js'

/** How far descriptions are set in from their terms. */
const indent = 18

/**
 * A description list (the author's `<dl>`): each term in bold on its own line, kept with the start
 * of its description, the description indented below it. Tagged as a list: `L > LI` per group of
 * terms and their descriptions, each term a `Lbl`, the descriptions in an `LBody`.
 */
export function descriptionList(state: State, node: DescriptionList): void {
  const groups: Array<{ terms: DescriptionTerm[]; details: DescriptionDetails[] }> = []
  for (const child of node.children) {
    const last = groups.at(-1)
    if (child.type === 'descriptionTerm') {
      if (!last || last.details.length > 0) groups.push({ terms: [child], details: [] })
      else last.terms.push(child)
    } else if (last) last.details.push(child)
    else groups.push({ terms: [], details: [child] })
  }
  const size = state.options.fontSize
  const leading = size * state.options.lineHeight
  const rtl = state.direction === 'rtl'
  state.open('L')
  for (const group of groups) {
    state.open('LI')
    for (const [index, term] of group.terms.entries()) {
      // The terms after this one, and two lines of the description, stay in its column.
      const following = group.terms.length - 1 - index
      const base = state.baseStyle()
      state.paragraph(state.runs(term.children, { ...base, font: bold(base.font) }), {
        tag: 'Lbl',
        align: 'left',
        spaceAfter: size * 0.15,
        keepWithNext:
          following * (leading + size * 0.15) + (group.details.length > 0 ? leading * 2 : 0),
      })
    }
    if (group.details.length > 0) {
      state.open('LBody')
      state.indented(rtl ? 0 : indent, rtl ? indent : 0, () => {
        for (const details of group.details) {
          for (const child of details.children) {
            if (child.type === 'paragraph')
              state.paragraph(state.runs(child.children, state.baseStyle()), {
                tag: 'P',
                spaceAfter: size * 0.4,
              })
            else state.one(child, details)
          }
        }
      })
      state.close()
    }
    state.close()
  }
  state.close()
  state.y += size * 0.3
}
