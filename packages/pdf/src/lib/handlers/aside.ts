import type { Aside } from '@pressroom/article'
import { colors, type State } from '../state.js'

/** An aside (sidebar): a titled, indented box between rules. */
export function aside(state: State, node: Aside): void {
  const size = state.options.fontSize
  state.y += 6
  state.ensure(size * 6)
  state.rule(state.y, 0.8, colors.text)
  state.y += 8
  state.open('Div', { title: node.label ?? 'Aside', ...(node.lang ? { lang: node.lang } : {}) })
  state.indented(10, 10, () => {
    if (node.label) {
      state.paragraph(
        [{ text: node.label, style: { font: 'serifBold', size: size * 1.05, color: colors.text } }],
        {
          tag: 'P',
          align: state.direction === 'rtl' ? 'right' : 'left',
          hyphenate: false,
          spaceAfter: 4,
          keepWithNext: size * 3,
        },
      )
    }
    state.all(node)
  })
  state.close()
  state.rule(state.y, 0.8, colors.text)
  state.y += 12
}
