import type { Element, ElementContent, Nodes as HastNodes, Root as HastRoot } from 'hast'
import { fromHtml } from 'hast-util-from-html'
import { defaultSchema, type Schema, sanitize } from 'hast-util-sanitize'
import { type State as ToMdastState, toMdast } from 'hast-util-to-mdast'
import type { Html, Image, Nodes, Parent, PhrasingContent, Root, RootContent } from 'mdast'
import { phrasing } from 'mdast-util-phrasing'
import { toString as mdastToString } from 'mdast-util-to-string'
import type { Position } from 'unist'
import type {
  Abbr,
  Aside,
  DescriptionDetails,
  DescriptionList,
  DescriptionTerm,
  Figure,
  FigureCaption,
  Subscript,
  Superscript,
} from '../types.js'

/** Elements that go with their content: code, styles and embedded documents, never text. */
export const droppedElements = [
  'script',
  'style',
  'iframe',
  'object',
  'embed',
  'form',
  'noscript',
  'template',
  'frame',
  'frameset',
  'applet',
  'link',
  'meta',
  'base',
  'svg',
  'math',
] as const

/** The safe subset of HTML kept (its meaning mapped onto mdast). */
export const keptElements = [
  'div',
  'section',
  'article',
  'aside',
  'blockquote',
  'figure',
  'figcaption',
  'img',
  'picture',
  'source',
  'table',
  'caption',
  'thead',
  'tbody',
  'tfoot',
  'tr',
  'th',
  'td',
  'dl',
  'dt',
  'dd',
  'details',
  'summary',
  'sup',
  'sub',
  'br',
  'hr',
  'a',
  'span',
  'em',
  'strong',
  'b',
  'i',
  'u',
  's',
  'del',
  'ins',
  'mark',
  'small',
  'abbr',
  'cite',
  'q',
  'code',
  'pre',
  'kbd',
  'samp',
  'var',
  'ol',
  'ul',
  'li',
  'h1',
  'h2',
  'h3',
  'h4',
  'h5',
  'h6',
  'p',
  'center',
  'header',
  'footer',
  'main',
  'time',
]

/** MDX/JSX components read as a box beside the text (their content kept). */
const asideComponents = new Set([
  'note',
  'aside',
  'callout',
  'tip',
  'tips',
  'warning',
  'caution',
  'info',
  'important',
  'admonition',
  'sidenote',
  'pitfall',
  'deepdive',
  'youwillnotneed',
  'hint',
  'box',
])

const slotName = 'pressroom-slot'

const schema: Schema = {
  ...defaultSchema,
  tagNames: [...keptElements, slotName],
  strip: [...droppedElements],
  clobber: [],
  clobberPrefix: '',
  ancestors: {},
  required: {},
  protocols: {
    href: ['http', 'https', 'mailto', 'tel'],
    src: ['http', 'https'],
    cite: ['http', 'https'],
  },
  attributes: {
    '*': ['id', 'lang', 'dir', 'title', 'className', 'dataPressroomKind'],
    a: ['href'],
    img: ['src', 'alt', 'width', 'height'],
    source: ['srcSet', 'src', 'type'],
    ol: ['start'],
    td: ['colSpan', 'rowSpan', 'align'],
    th: ['colSpan', 'rowSpan', 'align', 'scope'],
    [slotName]: ['dataN'],
    blockquote: ['cite'],
    q: ['cite'],
    abbr: ['title'],
  },
}

export interface RawHtmlContext {
  /** Report something dropped: once per kind per article (the caller de-duplicates). */
  dropped(kind: string, position: Position | undefined): void
  /** Parse a Markdown fragment (kramdown `markdown="1"`, MDX component content) to mdast. */
  parseMarkdown(text: string): Root
}

/**
 * Turn the raw HTML in a tree (`html` nodes, block and inline) into the mdast
 * the writers already render: each parent's run of HTML and Markdown children
 * is parsed together (so `<aside>` ... `</aside>` around Markdown paragraphs
 * is one aside), sanitised to the safe subset, and mapped by meaning.
 * script, style, iframe, object, embed, form and event handlers go with their
 * content, reported.
 */
export function convertRawHtml(tree: Root, context: RawHtmlContext): void {
  convertParent(tree as Parent, context)
}

function convertParent(parent: Parent, context: RawHtmlContext): void {
  for (const child of parent.children) {
    if ('children' in child) convertParent(child as Parent, context)
  }
  if (!parent.children.some((child) => child.type === 'html')) return
  let replaced: RootContent[]
  try {
    replaced = convertChildren(parent, context)
  } catch (error) {
    if (!(error instanceof RangeError)) throw error
    // Nested too deeply to read as a tree: the tags go, their text stays.
    const first = parent.children.find((child) => child.type === 'html')
    context.dropped('nesting too deep to read (its tags)', first?.position)
    replaced = parent.children.flatMap((child) => {
      if (child.type !== 'html') return [child as RootContent]
      const text = (child as Html).value
        .replace(/<(script|style)[\s\S]*?<\/\1\s*>/gi, '')
        .replace(/<[^>]*>/g, '')
      const node = { type: 'text', value: text, position: child.position } as RootContent
      return text.trim() ? [node] : []
    })
    if (!isPhrasingParent(parent) && replaced.some((node) => phrasing(node))) {
      replaced = [{ type: 'paragraph', children: replaced as PhrasingContent[] } as RootContent]
    }
  }
  parent.children = replaced as typeof parent.children
}

function convertChildren(parent: Parent, context: RawHtmlContext): RootContent[] {
  const inline = isPhrasingParent(parent)
  const slots: Nodes[][] = []
  const chunks: Array<{ start: number; end: number; position: Position | undefined }> = []
  let source = ''
  for (const child of parent.children) {
    if (child.type === 'html') {
      const value = jsxToHtml((child as Html).value)
      const start = source.length
      source += inline ? value : `${value}\n`
      chunks.push({ start, end: source.length, position: child.position })
    } else {
      slots.push([child])
      source += `<${slotName} data-n="${slots.length - 1}"></${slotName}>${inline ? '' : '\n'}`
    }
  }
  const hast = fromHtml(source, { fragment: true })
  // Real markup is shallow; hundreds of levels are an attack on the tree walks: read as text.
  if (depthOf(hast) > maxDepth) throw new RangeError('HTML nested too deeply')
  const positionAt = (offset: number | undefined) => {
    if (offset === undefined) return chunks[0]?.position
    let best = chunks[0]?.position
    for (const chunk of chunks) if (chunk.start <= offset) best = chunk.position
    return best
  }

  // Before sanitising: what is dropped (reported), what is read as Markdown.
  const walk = (node: HastNodes, insideMarkdown: boolean) => {
    if (node.type !== 'element' && node.type !== 'root') return
    if (node.type === 'element') {
      const name = node.tagName.replace(/^mdx-/, '')
      if ((droppedElements as readonly string[]).includes(name))
        context.dropped(`<${name}>`, positionAt(node.position?.start.offset))
      for (const key of Object.keys(node.properties)) {
        if (/^on/i.test(key)) {
          context.dropped('event handler', positionAt(node.position?.start.offset))
          delete node.properties[key]
        }
      }
      const markdown = node.properties.markdown
      if (
        !insideMarkdown &&
        (markdown === '1' || markdown === 'block' || markdown === 'span' || isComponent(node))
      ) {
        const first = node.children[0]?.position?.start.offset
        const last = node.children.at(-1)?.position?.end.offset
        const inner = first !== undefined && last !== undefined ? source.slice(first, last) : ''
        if (inner.trim() && !inner.includes(`<${slotName}`)) {
          const parsed = context.parseMarkdown(dedent(inner))
          slots.push(parsed.children as Nodes[])
          const slot: Element = {
            type: 'element',
            tagName: slotName,
            properties: { dataN: String(slots.length - 1) },
            children: [],
          }
          node.children = [slot]
        }
      }
      // A summary reads as the strong lead of its content.
      if (name === 'summary' && node.children.length > 0)
        node.children = [
          { type: 'element', tagName: 'strong', properties: {}, children: node.children },
        ]
      if (asideComponents.has(name) && name !== 'aside') node.properties.dataPressroomKind = 'aside'
      if (name === 'intro' || name === 'section') node.properties.dataPressroomKind = 'section'
    }
    for (const child of node.children) walk(child as HastNodes, insideMarkdown)
  }
  walk(hast, false)
  // Inside code (`<kbd>`, `<code>`, `<pre>`), Markdown between the tags is text.
  const inCode = (node: HastNodes, code: boolean) => {
    if (node.type !== 'element' && node.type !== 'root') return
    const isCode =
      code || (node.type === 'element' && /^(code|kbd|samp|pre|var)$/.test(node.tagName))
    node.children = node.children.map((child) =>
      isCode && child.type === 'element' && child.tagName === slotName
        ? {
            type: 'text',
            value: slots[Number(child.properties.dataN)]
              .map((item) =>
                'value' in item && typeof item.value === 'string'
                  ? item.value
                  : mdastToString(item),
              )
              .join(''),
          }
        : child,
    ) as typeof node.children
    for (const child of node.children) inCode(child as HastNodes, isCode)
  }
  inCode(hast, false)
  // Components become the element of their meaning before sanitising.
  renameComponents(hast)
  const clean = sanitize(hast, schema) as HastRoot
  removeEmpty(clean)
  const setPositions = (node: HastNodes) => {
    const position = positionAt(node.position?.start.offset)
    if (position) node.position = structuredClone(position)
    else delete node.position
    if ('children' in node) for (const child of node.children) setPositions(child as HastNodes)
  }
  setPositions(clean)

  // The nodes of Pressroom's own phrasing already in the Markdown go through as stand-ins too.
  for (const slot of slots) for (const node of slot) toPlaceholders(node)
  const mdast = toMdast(clean, {
    handlers: {
      [slotName]: (_state, node) => slots[Number(node.properties.dataN)] as never,
      aside: (state, node) => asideOf(state, node),
      div: (state, node) =>
        node.properties.dataPressroomKind === 'aside'
          ? asideOf(state, node)
          : (state.toFlow(state.all(node)) as never),
      figure: (state, node) => figureOf(state, node),
      details: (state, node) => state.toFlow(state.all(node)) as never,
      dl: (state, node) => descriptionListOf(state, node),
      dt: (state, node) => descriptionTermOf(state, node),
      dd: (state, node) => descriptionDetailsOf(state, node),
      sup: (state, node) => placeholder(state, node, 'superscript'),
      sub: (state, node) => placeholder(state, node, 'subscript'),
      abbr: (state, node) => placeholder(state, node, 'abbr'),
    },
  })
  resolvePlaceholders(mdast as Root)
  let result = (mdast as Root).children as RootContent[]
  if (inline) {
    // Inline HTML: keep phrasing; a block that slipped in gives its text.
    result = result.flatMap((node) =>
      isPhrasing(node)
        ? [node]
        : [{ type: 'text', value: mdastToString(node), position: node.position } as RootContent],
    )
  } else if (result.length > 0 && result.every(isPhrasing)) {
    result = [
      {
        type: 'paragraph',
        children: result as PhrasingContent[],
        position: chunks[0]?.position,
      } as RootContent,
    ]
  }
  return result
}

/** Pressroom's own phrasing nodes (mdast-util-phrasing knows only mdast's). */
const ownPhrasing = new Set(['span', 'superscript', 'subscript', 'abbr'])

function isPhrasing(node: RootContent): boolean {
  return phrasing(node) || ownPhrasing.has(node.type)
}

type OwnPhrasing = Superscript | Subscript | Abbr

/** Marks a stand-in for one of Pressroom's phrasing nodes (see `placeholder`). */
const placeholderKey = 'pressroomPhrasing'

/**
 * `<sup>`, `<sub>`, `<abbr>` -> Pressroom's phrasing nodes. hast-util-to-mdast wraps and splits
 * runs by mdast-util-phrasing, which knows only mdast's own phrasing types, so the handler returns
 * a text directive (phrasing to it) marked in `data`; `resolvePlaceholders` turns it into the node.
 */
function placeholder(state: ToMdastState, node: Element, type: OwnPhrasing['type']): never {
  const children = state.all(node) as PhrasingContent[]
  const data: Record<string, unknown> = { [placeholderKey]: type }
  const title = node.properties.title
  if (type === 'abbr' && typeof title === 'string' && title.trim())
    data.title = title.replace(/\s+/g, ' ').trim()
  const result = { type: 'textDirective', name: type, attributes: {}, children, data }
  if (node.position) Object.assign(result, { position: node.position })
  return result as never
}

/** Pressroom's phrasing nodes in a Markdown slot -> stand-ins, in place (`placeholder`). */
function toPlaceholders(node: Nodes): void {
  if (!('children' in node)) return
  for (const child of node.children) toPlaceholders(child as Nodes)
  const type = node.type as string
  if (type !== 'superscript' && type !== 'subscript' && type !== 'abbr') return
  const own = node as unknown as OwnPhrasing
  const data: Record<string, unknown> = { [placeholderKey]: type }
  if (own.type === 'abbr' && own.title !== undefined) data.title = own.title
  const record = node as unknown as Record<string, unknown>
  delete record.title
  Object.assign(record, { type: 'textDirective', name: type, attributes: {}, data })
}

function resolvePlaceholders(parent: Parent): void {
  parent.children = parent.children.map((child) => {
    if ('children' in child) resolvePlaceholders(child as Parent)
    const data = child.data as Record<string, unknown> | undefined
    const type = data?.[placeholderKey] as OwnPhrasing['type'] | undefined
    if (child.type !== 'textDirective' || !type) return child
    const node = { type, children: (child as Parent).children } as OwnPhrasing
    if (type === 'abbr' && typeof data?.title === 'string') (node as Abbr).title = data.title
    if (child.position) node.position = child.position
    return node as RootContent
  }) as typeof parent.children
}

/** Elements that mean something without content. */
const voidMeaning = new Set(['img', 'br', 'hr', 'td', 'th', 'tr', slotName, 'source', 'picture'])

/**
 * Empty elements (`<a></a>`, `<span></span>`) say nothing; removed, they also
 * keep the whitespace pass from scanning runs of them again and again.
 */
function removeEmpty(root: HastRoot): void {
  const prune = (node: HastRoot | Element): void => {
    node.children = node.children.filter((child) => {
      if (child.type !== 'element') return true
      prune(child)
      return child.children.length > 0 || voidMeaning.has(child.tagName)
    }) as typeof node.children
  }
  prune(root)
}

/** Deepest nesting the reader reads as a tree. */
const maxDepth = 64

function depthOf(root: HastRoot): number {
  let deepest = 0
  const stack: Array<[HastNodes, number]> = [[root, 0]]
  while (stack.length > 0) {
    const [node, depth] = stack.pop()!
    if (depth > deepest) deepest = depth
    if (deepest > maxDepth) return deepest
    if ('children' in node)
      for (const child of node.children) stack.push([child as HastNodes, depth + 1])
  }
  return deepest
}

/**
 * `<dl>` -> `descriptionList`: its terms and descriptions in order (`<div>` groups unwrapped);
 * anything else inside goes into a description. A list without a term is its descriptions'
 * content.
 */
function descriptionListOf(state: ToMdastState, node: Element): DescriptionList | RootContent[] {
  const all = state.all(node) as RootContent[]
  const children: DescriptionList['children'] = []
  let stray: RootContent[] = []
  const flush = () => {
    const blocks = state.toFlow(stray as never) as DescriptionDetails['children']
    if (blocks.length > 0) children.push({ type: 'descriptionDetails', children: blocks })
    stray = []
  }
  for (const child of all) {
    if (child.type === 'descriptionTerm' || child.type === 'descriptionDetails') {
      flush()
      children.push(child)
    } else if (!(child.type === 'text' && child.value.trim() === '')) stray.push(child)
  }
  flush()
  if (!children.some((child) => child.type === 'descriptionTerm'))
    return children.flatMap((child) => child.children as RootContent[])
  const list: DescriptionList = { type: 'descriptionList', children }
  if (node.position) list.position = node.position
  return list
}

/** `<dt>` -> `descriptionTerm`: phrasing (a block inside gives its phrasing or its text). */
function descriptionTermOf(state: ToMdastState, node: Element): DescriptionTerm {
  const children = (state.all(node) as RootContent[]).flatMap((child): PhrasingContent[] => {
    if (isPhrasing(child)) return [child as PhrasingContent]
    if (child.type === 'paragraph' || child.type === 'heading') return child.children
    const text = mdastToString(child)
    return text ? [{ type: 'text', value: text }] : []
  })
  const term: DescriptionTerm = { type: 'descriptionTerm', children: trimCaption(children) }
  if (node.position) term.position = node.position
  return term
}

/** `<dd>` -> `descriptionDetails`: blocks (a bare phrase becomes a paragraph). */
function descriptionDetailsOf(state: ToMdastState, node: Element): DescriptionDetails {
  const children = state.toFlow(state.all(node)) as DescriptionDetails['children']
  const details: DescriptionDetails = { type: 'descriptionDetails', children }
  if (node.position) details.position = node.position
  return details
}

function asideOf(state: ToMdastState, node: Element): Aside {
  const children = state.toFlow(state.all(node)) as Aside['children']
  const aside: Aside = { type: 'aside', children }
  if (node.position) aside.position = node.position
  return aside
}

function figureOf(state: ToMdastState, node: Element): Figure | RootContent[] {
  const all = state.all(node) as RootContent[]
  let image: Image | undefined
  const caption: PhrasingContent[] = []
  const rest: RootContent[] = []
  const take = (nodes: RootContent[]) => {
    for (const item of nodes) {
      if (!image && item.type === 'image') image = item
      else if (item.type === 'paragraph' || item.type === 'link')
        take(item.children as RootContent[])
      else rest.push(item)
    }
  }
  take(all)
  for (const item of rest) {
    if (phrasing(item)) caption.push(item as PhrasingContent)
    else if (item.type === 'paragraph') caption.push(...item.children)
    else caption.push({ type: 'text', value: mdastToString(item) })
  }
  if (!image) return state.toFlow(all) as RootContent[]
  const trimmed = trimCaption(caption)
  const figure: Figure = { type: 'figure', children: [{ ...image, title: null }] }
  if (trimmed.length > 0) {
    const figcaption: FigureCaption = { type: 'figureCaption', children: trimmed }
    figure.children = [figure.children[0], figcaption]
  } else if (image.title) {
    figure.children = [
      figure.children[0],
      { type: 'figureCaption', children: [{ type: 'text', value: image.title }] },
    ]
  }
  if (node.position) figure.position = node.position
  return figure
}

function trimCaption(nodes: PhrasingContent[]): PhrasingContent[] {
  const result = nodes.filter((node) => !(node.type === 'text' && node.value.trim() === ''))
  const first = result[0]
  if (first?.type === 'text') result[0] = { ...first, value: first.value.trimStart() }
  const last = result.at(-1)
  if (last?.type === 'text') result[result.length - 1] = { ...last, value: last.value.trimEnd() }
  return result
}

function renameComponents(node: HastRoot | ElementContent): void {
  if (node.type !== 'element' && node.type !== 'root') return
  if (node.type === 'element') {
    const kind = node.properties.dataPressroomKind
    if (kind === 'aside') node.tagName = 'aside'
    else if (kind === 'section' && node.tagName !== 'section') node.tagName = 'section'
    else if (/^mdx-(figure|image|img|picture)$/.test(node.tagName) && !node.properties.src)
      node.tagName = 'figure'
    else if (
      node.properties.src &&
      !/^(img|image|source|picture|audio|video|track|input)$/.test(node.tagName) &&
      !(droppedElements as readonly string[]).includes(node.tagName) &&
      !node.children.some((child) => child.type === 'element' && child.tagName === 'img')
    ) {
      // <Image src alt caption/> and other image components.
      const img: Element = {
        type: 'element',
        tagName: 'img',
        properties: { src: node.properties.src, alt: node.properties.alt ?? '' },
        children: [],
        position: node.position,
      }
      const caption = node.properties.caption ?? node.properties.title
      node.tagName = 'figure'
      node.children = caption
        ? [
            img,
            {
              type: 'element',
              tagName: 'figcaption',
              properties: {},
              children: [{ type: 'text', value: String(caption) }],
            },
            ...node.children,
          ]
        : [img, ...node.children]
    }
  }
  const children: ElementContent[] = []
  for (const child of node.children as ElementContent[]) {
    renameComponents(child)
    // A table's caption: a paragraph before the table (mdast tables have none).
    if (child.type === 'element' && child.tagName === 'table') {
      const caption = child.children.find(
        (item) => item.type === 'element' && item.tagName === 'caption',
      ) as Element | undefined
      if (caption) {
        child.children = child.children.filter((item) => item !== caption)
        children.push({ ...caption, tagName: 'p' })
      }
    }
    children.push(child)
  }
  node.children = children
}

/** Whether an element was written as a JSX component (`<Note>`: a capital first letter). */
function isComponent(node: Element): boolean {
  return node.tagName.startsWith('mdx-')
}

/**
 * JSX components as HTML the parser keeps apart: `<Note>` -> `<mdx-note>`
 * (so `<Image>` is not taken for HTML's `<img>`), self-closing ones closed.
 */
function jsxToHtml(value: string): string {
  return value
    .replace(
      /<([A-Za-z][\w.-]*)((?:\s+[^<>]*?)?)\s*\/>/g,
      (all, name: string, attributes: string) =>
        /^(br|hr|img|source|wbr|input|meta|link)$/i.test(name)
          ? all
          : `<${name}${attributes}></${name}>`,
    )
    .replace(
      /<(\/?)([A-Z][\w]*)/g,
      (_all, slash: string, name: string) => `<${slash}mdx-${name.toLowerCase()}`,
    )
}

/** Remove the common indentation of a Markdown fragment (inside an indented HTML block). */
function dedent(text: string): string {
  const lines = text.replace(/^\n+/, '').split('\n')
  const indents = lines.filter((line) => line.trim()).map((line) => /^[ \t]*/.exec(line)![0].length)
  const common = indents.length ? Math.min(...indents) : 0
  return lines.map((line) => line.slice(common)).join('\n')
}

const phrasingParents = new Set([
  'paragraph',
  'heading',
  'emphasis',
  'strong',
  'delete',
  'link',
  'linkReference',
  'tableCell',
  'span',
  'superscript',
  'subscript',
  'abbr',
  'figureCaption',
])

function isPhrasingParent(parent: Parent): boolean {
  return phrasingParents.has(parent.type)
}
