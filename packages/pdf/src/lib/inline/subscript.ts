import type { Subscript } from '@pressroom/article'
import type { InlineHandler } from '../state.js'
import { scriptScale } from './superscript.js'

/** The author's `<sub>` (`H<sub>2</sub>O`): its runs smaller and lowered; never hyphenated. */
export const subscript: InlineHandler = (state, node: Subscript, style) =>
  state.runs(node.children, {
    ...style,
    size: style.size * scriptScale,
    rise: (style.rise ?? 0) - style.size * 0.15,
    noHyphen: true,
  })
