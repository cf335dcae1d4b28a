import type { PullQuote } from '@pressroom/article'
import type { Paragraph } from 'mdast'
import { toString as mdastToString } from 'mdast-util-to-string'
import { colors, type State } from '../state.js'
import type { Line, Run } from '../typeset.js'

/** A pull quote: larger italic type between rules, set apart, never split (it floats instead). */
export function pullquote(state: State, node: PullQuote): void {
  const size = state.options.fontSize * 1.45
  const style = { font: 'serifItalic' as const, size, color: colors.accent }
  const runs: Run[] = []
  node.children.forEach((child, index) => {
    if (index > 0) runs.push({ text: ' ', style })
    if (child.type === 'paragraph') runs.push(...state.runs((child as Paragraph).children, style))
    else runs.push({ text: mdastToString(child), style })
  })
  const direction = node.dir ?? state.direction
  const inset = 24
  const lines: Line[] = state.set(runs, {
    width: state.frame.width - 2 * inset,
    align: 'center',
    leading: size * 1.3,
    hyphenate: false,
    lineBreaker: 'greedy',
    direction,
    ...(node.lang ? { language: node.lang } : {}),
  })
  const attribution = node.attribution
    ? state.set(
        [
          {
            text: `— ${node.attribution}`,
            style: { font: 'serif', size: state.options.fontSize * 0.9, color: colors.muted },
          },
        ],
        {
          width: state.frame.width - 2 * inset,
          align: 'center',
          leading: state.options.fontSize * 1.4,
          hyphenate: false,
          lineBreaker: 'greedy',
          direction,
        },
      )
    : []
  let height = 28
  for (const line of [...lines, ...attribution]) height += line.height
  const place = () => {
    if (!state.atTop()) state.y += 8
    state.ensure(height)
    state.rule(state.y, 1.2, colors.accent)
    state.y += 12
    state.open('BlockQuote', { title: 'Pull quote', ...(node.lang ? { lang: node.lang } : {}) })
    state.indented(inset, inset, () => {
      state.placeLines(lines, { tag: 'P', keepTogether: true })
      if (attribution.length) state.placeLines(attribution, { tag: 'P', keepTogether: true })
    })
    state.close()
    state.y += 8
    state.rule(state.y, 1.2, colors.accent)
    state.y += 14
  }
  // Like a figure, a pull quote that does not fit floats to the top of the next column.
  if (!state.atTop() && !state.page.fits(height + 8) && state.canFloat()) state.float(place)
  else place()
}
