import type { Article } from '@pressroom/article'
import type { ElementContent, Root as HastRoot } from 'hast'
import { sanitize } from 'hast-util-sanitize'
import type { FootnoteReference, PhrasingContent, Root } from 'mdast'
import { cleanTree } from './control.js'
import { footer } from './footer.js'
import { schema } from './schema.js'
import { toXml } from './serialize.js'
import { createState } from './state.js'
import type { State, XhtmlOptions, XhtmlResult } from './types.js'

/**
 * Render an article's body as an XHTML fragment (no wrapper element):
 * well-formed XML, polyglot HTML5, sanitised, with stable unique ids.
 */
export function toXhtml(article: Article, options: XhtmlOptions = {}): XhtmlResult {
  const state = createState(article, options)
  const body = renderInContainer(state, article, () => {
    const nodes = state.one(article.tree, undefined)
    const notes = footer(state)
    return [...nodes, ...notes]
  })
  const hast = finish(state, body)
  return { xhtml: toXml(hast), hast, headings: state.headings }
}

/**
 * Render phrasing content of an article (a bio, a caption) as an XHTML
 * fragment. Footnote references in it are written as plain text.
 */
export function phrasingToXhtml(
  article: Article,
  nodes: PhrasingContent[],
  options: XhtmlOptions = {},
): string {
  return toXml(phrasingToHast(article, nodes, options))
}

/**
 * The same as `phrasingToXhtml`, as the sanitised hast tree (a root of phrasing
 * nodes), for a writer that puts it into a tree of its own.
 */
export function phrasingToHast(
  article: Article,
  nodes: PhrasingContent[],
  options: XhtmlOptions = {},
): HastRoot {
  const state = createState(article, {
    ...options,
    handlers: { footnoteReference: footnoteAsText, ...options.handlers },
  })
  const root: Root = { type: 'root', children: [{ type: 'paragraph', children: nodes }] }
  const rendered = renderInContainer(state, article, () => state.all(root.children[0] as never))
  return finish(state, rendered, true)
}

/**
 * Render with the container's language as the context: when the article's
 * language differs, every top-level element gets `lang` and `dir` (text at the
 * top level is wrapped in a `<span>` carrying them).
 */
function renderInContainer(
  state: State,
  article: Article,
  render: () => ElementContent[],
): ElementContent[] {
  state.language = state.options.containerLanguage
  const { properties, result } = state.inLanguage(
    article.meta.language,
    article.derived?.dir,
    render,
  )
  state.language = article.meta.language
  if (!properties.lang) return result
  const output: ElementContent[] = []
  let inline: ElementContent[] = []
  const flush = () => {
    if (inline.length === 0) return
    if (inline.every((node) => node.type === 'text' && node.value.trim() === ''))
      output.push(...inline)
    else
      output.push({
        type: 'element',
        tagName: 'span',
        properties: { ...properties },
        children: inline,
      })
    inline = []
  }
  for (const node of result) {
    if (node.type === 'element' && !isPhrasingElement(node.tagName)) {
      flush()
      if (node.properties.lang === undefined) {
        node.properties = { lang: properties.lang, dir: properties.dir, ...node.properties }
      }
      output.push(node)
    } else {
      inline.push(node)
    }
  }
  flush()
  return output
}

const phrasingElements = new Set([
  'a',
  'abbr',
  'b',
  'br',
  'cite',
  'code',
  'del',
  'dfn',
  'em',
  'i',
  'img',
  'ins',
  'kbd',
  'mark',
  'q',
  's',
  'samp',
  'small',
  'span',
  'strong',
  'sub',
  'sup',
  'time',
  'u',
  'var',
])

function isPhrasingElement(name: string): boolean {
  return phrasingElements.has(name)
}

/** Clean control characters, sanitise. */
function finish(state: State, children: ElementContent[], inline = false): HastRoot {
  const root: HastRoot = {
    type: 'root',
    children: inline ? children : state.wrap(children),
  }
  cleanTree(state, root)
  const clean = sanitize(root, schema)
  return clean.type === 'root' ? clean : { type: 'root', children: [] }
}

/** In phrasing rendered alone there are no notes to point to. */
function footnoteAsText(state: State, node: FootnoteReference): ElementContent {
  state.message(
    `Footnote reference \`${node.label ?? node.identifier}\` outside the body: written as text`,
    node,
    'footnote-outside-body',
  )
  return state.patch(node, { type: 'text', value: `[^${node.label ?? node.identifier}]` })
}
