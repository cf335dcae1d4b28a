import type { Article, ArticleImage } from '@pressroom/article'
import type { Labels as ToolkitLabels } from '@pressroom/toolkit'
import type { Element, ElementContent, Root as HastRoot, Properties } from 'hast'
import type { Definition, FootnoteDefinition, Nodes, Parents } from 'mdast'
import type { Node } from 'unist'
import type { VFileMessage } from 'vfile-message'

/**
 * UI strings written into the fragment: `notes` (heading of the notes section, `flavor: 'web'`),
 * `backToText` (accessible name of the link from a note back to its reference) and `image` (the
 * word in an image placeholder: `[Image: alt]`), from `@pressroom/toolkit`'s one label table.
 */
export type Labels = Pick<ToolkitLabels, 'notes' | 'backToText' | 'image'>

export interface XhtmlOptions {
  /**
   * `'web'` (default): notes in `<section role="doc-endnotes">`.
   * `'epub'`: notes as `<aside epub:type="footnote">` (the container must declare `xmlns:epub`).
   */
  flavor?: 'web' | 'epub'
  /** Prefix for every id written (one per chapter in a collection). Default `''`. */
  idPrefix?: string
  /** URL written for an `ok` image; `undefined` gives a placeholder. Default: `image.path`. */
  imageSrc?: (image: ArticleImage) => string | undefined
  /** Language of the enclosing document. Default: the article's `meta.language`. */
  containerLanguage?: string
  /** Added to the depth of body headings (may be negative; the result is clamped to 1-6). Default `0`. */
  headingOffset?: number
  /**
   * UI strings over the toolkit's labels for the article's language (`labelsFor`: en, ar, ur, fa, fr, de,
   * es, ru, el, hi, zh, ja, ko; fallback en).
   */
  labels?: Partial<Labels>
  /** Handlers by mdast node type, merged over `defaultHandlers`. */
  handlers?: Partial<Handlers>
  /** Receives every warning; nothing is ever thrown for content. */
  report?: (message: VFileMessage) => void
}

export interface TocHeading {
  depth: number
  text: string
  id: string
}

export interface XhtmlResult {
  /** The fragment, well-formed XML and polyglot HTML5, no wrapper element. */
  xhtml: string
  /** The sanitised hast tree the fragment was serialised from. */
  hast: HastRoot
  /** Body headings in document order (after `headingOffset`), for a table of contents. */
  headings: TocHeading[]
}

/** What a handler returns: nothing, one hast node or several. */
export type HandlerResult = ElementContent | ElementContent[] | undefined

/** Turn one mdast node into hast. */
export type Handler<T extends Node = Node> = (
  state: State,
  node: T,
  parent: Parents | undefined,
) => HandlerResult

type NodeByType = { [T in Nodes['type']]: Extract<Nodes, { type: T }> }

/** One handler per mdast node type, plus `unknown` for anything else. */
export type Handlers = { [T in keyof NodeByType]: Handler<NodeByType[T]> } & {
  unknown: Handler<Node>
  // biome-ignore lint/suspicious/noExplicitAny: handlers for node types this package does not know
  [type: string]: Handler<any>
}

/** Options after defaults. */
export interface ResolvedOptions {
  flavor: 'web' | 'epub'
  idPrefix: string
  imageSrc: (image: ArticleImage) => string | undefined
  containerLanguage: string
  headingOffset: number
  labels: Labels
}

/** Information shared by handlers while walking one article. */
export interface State {
  readonly article: Article
  readonly options: ResolvedOptions
  readonly handlers: Handlers
  /** Language of the element being written (for `lang` on elements that differ). */
  language: string
  /** Render one node. */
  one(node: Node, parent: Parents | undefined): ElementContent[]
  /** Render the children of a node. */
  all(parent: Parents): ElementContent[]
  /** Put line endings between block elements (`loose` also around them). */
  wrap(nodes: ElementContent[], loose?: boolean): ElementContent[]
  /** Copy the position of an mdast node to a hast node. */
  patch<T extends ElementContent | Element>(from: Node, to: T): T
  /** Report a message at a node. `fatal: undefined` makes it informational. */
  message(
    reason: string,
    place: Node | undefined,
    ruleId: string,
    fatal?: boolean | undefined,
  ): void
  /** A unique id (with `idPrefix`) built from `base`: `base`, `base-1`, `base-2` ... */
  uniqueId(base: string): string
  /**
   * Properties for an element in `lang` (with `dir`), when it differs from the
   * current language; runs `render` with that language as the current one.
   */
  inLanguage<T>(
    lang: string | undefined,
    dir: string | undefined,
    render: () => T,
  ): { properties: Properties; result: T }
  /** Link and image reference definitions by upper-cased identifier, the first one of each. */
  definitionById: Map<string, Definition>
  /** The article's footnotes as the reader resolved them (`article.footnotes`), by identifier. */
  footnoteById: Map<string, FootnoteDefinition>
  /** Footnote identifiers in order of first reference. */
  footnoteOrder: string[]
  /** Ids of the references to each footnote, in order. */
  footnoteReferences: Map<string, string[]>
  /** Id of each referenced footnote. */
  footnoteIds: Map<string, string>
  headings: TocHeading[]
  figureCount: number
  images: Map<string, ArticleImage>
}
