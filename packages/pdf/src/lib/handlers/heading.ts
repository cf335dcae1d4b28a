import type { Heading } from 'mdast'
import { colors, type State } from '../state.js'

/** Heading: nested under the title's H1 as the reader decided (`derived.headingOffset`); kept with what follows. */
export function heading(state: State, node: Heading): void {
  const level = Math.min(6, Math.max(1, node.depth + (state.article.derived.headingOffset ?? 0)))
  const base = state.options.fontSize
  // The size goes by rank, not by the markup: the body's top level (H2) is set as before.
  const size = level === 2 ? base * 1.25 : base * 1.05
  const runs = state.runs(node.children, { font: 'serifBold', size, color: colors.text })
  state.paragraph(runs, {
    tag: `H${level}`,
    align: state.direction === 'rtl' ? 'right' : 'left',
    hyphenate: false,
    leading: size * 1.25,
    spaceBefore: base * 1.1,
    spaceAfter: base * 0.45,
    keepTogether: true,
    // The target of in-page `#id` links.
    ...(typeof node.data?.id === 'string' ? { destination: node.data.id } : {}),
    keepWithNext: Math.max(state.keepAfter(node), base * state.options.lineHeight * 2),
  })
}
