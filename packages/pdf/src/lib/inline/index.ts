import type { InlineHandlers } from '../state.js'
import { abbr } from './abbr.js'
import { breakHandler } from './break.js'
import { deleteHandler } from './delete.js'
import { emphasis } from './emphasis.js'
import { footnoteReference } from './footnote-reference.js'
import { html } from './html.js'
import { image } from './image.js'
import { inlineCode } from './inline-code.js'
import { link } from './link.js'
import { linkReference } from './link-reference.js'
import { span } from './span.js'
import { strong } from './strong.js'
import { subscript } from './subscript.js'
import { superscript } from './superscript.js'
import { text } from './text.js'
import { unknown } from './unknown.js'

/** One handler per mdast phrasing node type, each returning styled runs. */
export const defaultInlineHandlers: InlineHandlers = {
  text,
  emphasis,
  strong,
  delete: deleteHandler,
  inlineCode,
  link,
  linkReference,
  break: breakHandler,
  footnoteReference,
  image,
  imageReference: image,
  html,
  span,
  superscript,
  subscript,
  abbr,
  unknown,
}
