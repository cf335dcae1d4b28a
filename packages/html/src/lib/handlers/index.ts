import type { Handlers } from '../types.js'
import { abbr } from './abbr.js'
import { aside } from './aside.js'
import { blockquote } from './blockquote.js'
import { hardBreak } from './break.js'
import { code } from './code.js'
import { definition } from './definition.js'
import { strikethrough } from './delete.js'
import { descriptionDetails, descriptionList, descriptionTerm } from './description-list.js'
import { emphasis } from './emphasis.js'
import { figure } from './figure.js'
import { figureCaption } from './figure-caption.js'
import { footnoteDefinition } from './footnote-definition.js'
import { footnoteReference } from './footnote-reference.js'
import { heading } from './heading.js'
import { html } from './html.js'
import { image } from './image.js'
import { imageReference } from './image-reference.js'
import { inlineCode } from './inline-code.js'
import { link } from './link.js'
import { linkReference } from './link-reference.js'
import { list } from './list.js'
import { listItem } from './list-item.js'
import { paragraph } from './paragraph.js'
import { pullquote } from './pullquote.js'
import { root } from './root.js'
import { span } from './span.js'
import { strong } from './strong.js'
import { subscript } from './subscript.js'
import { superscript } from './superscript.js'
import { table } from './table.js'
import { tableCell } from './table-cell.js'
import { tableRow } from './table-row.js'
import { text } from './text.js'
import { thematicBreak } from './thematic-break.js'
import { unknown } from './unknown.js'
import { yaml } from './yaml.js'

/** The handler for every mdast node type this package knows, and `unknown`. */
export const defaultHandlers: Handlers = {
  abbr,
  aside,
  blockquote,
  break: hardBreak,
  code,
  definition,
  descriptionDetails,
  descriptionList,
  descriptionTerm,
  delete: strikethrough,
  emphasis,
  figure,
  figureCaption,
  footnoteDefinition,
  footnoteReference,
  heading,
  html,
  image,
  imageReference,
  inlineCode,
  link,
  linkReference,
  list,
  listItem,
  paragraph,
  pullquote,
  root,
  span,
  strong,
  subscript,
  superscript,
  table,
  tableCell,
  tableRow,
  text,
  thematicBreak,
  unknown,
  yaml,
}
