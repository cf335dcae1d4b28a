import type { Superscript } from '@pressroom/article'
import type { InlineHandler } from '../state.js'

/** Size of a superscript or subscript against the text around it. */
export const scriptScale = 0.7

/**
 * The author's `<sup>` (`10<sup>3</sup>`): its runs smaller and raised, as footnote numbers are;
 * never hyphenated. Nested ones rise again from their parent's baseline.
 */
export const superscript: InlineHandler = (state, node: Superscript, style) =>
  state.runs(node.children, {
    ...style,
    size: style.size * scriptScale,
    rise: (style.rise ?? 0) + style.size * 0.33,
    noHyphen: true,
  })
