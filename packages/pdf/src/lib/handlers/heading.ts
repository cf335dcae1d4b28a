import type { Heading } from 'mdast'
import { colors, type State } from '../state.js'

/** Heading: the title is H1, so body headings move down one level; kept with what follows. */
export function heading(state: State, node: Heading): void {
  const level = Math.min(6, node.depth + 1)
  const base = state.options.fontSize
  const size = level === 2 ? base * 1.5 : level === 3 ? base * 1.25 : base * 1.05
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
