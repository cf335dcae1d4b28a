import type { Handlers } from '../state.js'
import { aside } from './aside.js'
import { blockquote } from './blockquote.js'
import { code } from './code.js'
import { descriptionList } from './description-list.js'
import { figure } from './figure.js'
import { heading } from './heading.js'
import { html } from './html.js'
import { ignore } from './ignore.js'
import { list, listItem } from './list.js'
import { paragraph } from './paragraph.js'
import { pullquote } from './pullquote.js'
import { root } from './root.js'
import { table } from './table.js'
import { thematicBreak } from './thematic-break.js'
import { unknown } from './unknown.js'

/** One handler per mdast node type (block layout). */
export const defaultHandlers: Handlers = {
  root,
  paragraph,
  heading,
  thematicBreak,
  blockquote,
  list,
  descriptionList,
  listItem: (state, node) => listItem(state, node),
  code,
  html,
  table,
  figure,
  pullquote,
  aside,
  definition: ignore,
  footnoteDefinition: ignore,
  yaml: ignore,
  toml: ignore,
  unknown,
}
