import { removeControlCharacters } from '@pressroom/toolkit'
import type { Image, Paragraph, PhrasingContent, Root, RootContent, Text } from 'mdast'
import type { ContainerDirective, LeafDirective, TextDirective } from 'mdast-util-directive'
import { toString as mdastToString } from 'mdast-util-to-string'
import { SKIP, visit } from 'unist-util-visit'
import type { VFileMessage } from 'vfile-message'
import type { ArticleFootnote, Aside, Figure, FigureCaption, PullQuote, Span } from '../types.js'
import { resolveFootnotes } from './footnotes.js'
import { canonicalLanguage, directionOf } from './language.js'
import { createMessage } from './messages.js'
import { parseMarkdownSync } from './processor.js'
import { convertRawHtml, type RawHtmlContext } from './raw-html.js'

type Directive = ContainerDirective | LeafDirective | TextDirective

export const knownDirectives = {
  containerDirective: ['pullquote', 'aside', 'figure'],
  textDirective: ['span'],
}

interface TransformContext {
  file: string | undefined
  messages: VFileMessage[]
  language: string
}

/**
 * Turn the parsed tree into Pressroom's canonical body: directives become
 * `pullquote`/`aside`/`figure`/`span` nodes, images with a caption become
 * figures, control characters are removed, footnotes are resolved (the first
 * definition of an identifier wins), and every problem is reported.
 */
export function transformTree(tree: Root, context: TransformContext): ArticleFootnote[] {
  const { file, messages } = context
  const warn = (reason: string, place: RootContent | Root | undefined, ruleId: string) =>
    messages.push(createMessage(file, reason, { place, ruleId }))

  // Control characters: strip from every string a renderer might print.
  visit(tree, (node) => {
    let found = false
    const clean = (value: string) => {
      const cleaned = removeControlCharacters(value)
      if (cleaned !== value) found = true
      return cleaned
    }
    const record = node as unknown as Record<string, unknown>
    for (const key of ['value', 'alt', 'title', 'url'] as const) {
      if (typeof record[key] === 'string') record[key] = clean(record[key] as string)
    }
    if (found)
      warn(
        'Removed control characters that no output format can carry',
        node as RootContent,
        'control-character',
      )
  })

  // Raw HTML: kept by its meaning, as the mdast the writers render.
  const droppedKinds = new Set<string>()
  const rawHtml: RawHtmlContext = {
    dropped(kind, position) {
      if (droppedKinds.has(kind)) return
      droppedKinds.add(kind)
      messages.push(
        createMessage(
          file,
          kind === 'event handler'
            ? 'Raw HTML event handlers (`onclick=...`) dropped: no output runs scripts'
            : kind.startsWith('nesting')
              ? 'Raw HTML nested too deeply to read: its tags are dropped, its text kept'
              : `Raw HTML ${kind} dropped with its content: it is code or an embedded page, not text`,
          { place: position, ruleId: 'raw-html' },
        ),
      )
    },
    parseMarkdown(text) {
      const fragment = parseMarkdownSync(text)
      convertRawHtml(fragment, rawHtml)
      visit(fragment, (node) => {
        delete node.position
      })
      return fragment
    },
  }
  convertRawHtml(tree, rawHtml)

  visit(tree, (node, index, parent) => {
    if (!parent || index === undefined) return
    if (
      node.type === 'containerDirective' ||
      node.type === 'leafDirective' ||
      node.type === 'textDirective'
    ) {
      const replacement = convertDirective(node as Directive, context, warn)
      parent.children.splice(index, 1, ...(replacement as typeof parent.children))
      return [SKIP, index]
    }
    if (node.type === 'paragraph') {
      const figure = implicitFigure(node)
      if (figure) {
        parent.children[index] = figure as (typeof parent.children)[number]
        return SKIP
      }
    }
    return undefined
  })

  // Footnotes: decided here for every writer (first definition wins), each problem reported once.
  const { footnotes, messages: footnoteMessages } = resolveFootnotes(tree, file)
  messages.push(...footnoteMessages)
  // A reference to an undefined note is not parsed as a reference: find it in the text.
  visit(tree, 'text', (node) => {
    for (const match of node.value.matchAll(/\[\^([^\]\s]+)\]/g)) {
      const start = node.position?.start
      const before = node.value.slice(0, match.index)
      const lines = before.split('\n')
      const place = start
        ? {
            line: start.line + lines.length - 1,
            column: lines.length === 1 ? start.column + before.length : lines.at(-1)!.length + 1,
          }
        : undefined
      messages.push(
        createMessage(file, `Footnote \`[^${match[1]}]\` is referenced but never defined`, {
          place,
          ruleId: 'undefined-footnote',
        }),
      )
    }
  })
  return footnotes
}

/** A paragraph holding only an image with a title is a figure (title = caption). */
function implicitFigure(paragraph: Paragraph): Figure | undefined {
  const children = paragraph.children.filter(
    (child) => !(child.type === 'text' && child.value.trim() === ''),
  )
  if (children.length !== 1 || children[0].type !== 'image') return undefined
  const image = children[0] as Image
  if (!image.title) return undefined
  const caption: FigureCaption = {
    type: 'figureCaption',
    children: [{ type: 'text', value: image.title }],
  }
  return {
    type: 'figure',
    children: [{ ...image, title: null }, caption],
    position: paragraph.position,
  }
}

function languageAttributes(
  directive: Directive,
  _context: TransformContext,
  warn: (reason: string, place: RootContent, ruleId: string) => void,
): { lang?: string; dir?: 'ltr' | 'rtl' } {
  const raw = directive.attributes?.lang
  if (!raw) return {}
  const lang = canonicalLanguage(raw)
  if (!lang) {
    warn(`\`${raw}\` is not a BCP 47 language tag; ignored`, directive, 'invalid-language')
    return {}
  }
  return { lang, dir: directionOf(lang) }
}

function convertDirective(
  directive: Directive,
  context: TransformContext,
  warn: (reason: string, place: RootContent, ruleId: string) => void,
): RootContent[] {
  const name = directive.name
  const kind = directive.type
  const position = directive.position
  if (kind === 'containerDirective' && (name === 'pullquote' || name === 'aside')) {
    // A `[label]` is parsed as a first paragraph flagged `directiveLabel`.
    let label: string | undefined
    const children = directive.children.filter((child) => {
      if (
        child.type === 'paragraph' &&
        (child.data as { directiveLabel?: boolean } | undefined)?.directiveLabel
      ) {
        label = mdastToString(child)
        return false
      }
      return true
    })
    if (children.length === 0) {
      warn(`\`:::${name}\` is empty; removed`, directive, 'empty-directive')
      return []
    }
    const lang = languageAttributes(directive, context, warn)
    if (name === 'pullquote') {
      const node: PullQuote = {
        type: 'pullquote',
        children: children as PullQuote['children'],
        position,
        ...lang,
      }
      const cite = directive.attributes?.cite ?? label
      if (cite) node.attribution = cite
      return [node]
    }
    const node: Aside = {
      type: 'aside',
      children: children as Aside['children'],
      position,
      ...lang,
    }
    if (label) node.label = label
    return [node]
  }
  if (kind === 'containerDirective' && name === 'figure') {
    return [convertFigure(directive, warn)]
  }
  if (kind === 'textDirective' && name === 'span') {
    const lang = languageAttributes(directive, context, warn)
    if (!lang.lang) {
      if (!directive.attributes?.lang)
        warn(
          '`:span` needs a `lang` attribute, as in :span[bonjour]{lang=fr}',
          directive,
          'missing-attribute',
        )
      return directive.children as RootContent[]
    }
    const node: Span = {
      type: 'span',
      children: directive.children,
      lang: lang.lang,
      dir: lang.dir!,
      position,
    }
    return [node]
  }
  if (
    kind === 'textDirective' &&
    directive.children.length === 0 &&
    Object.keys(directive.attributes ?? {}).length === 0
  ) {
    // Prose such as "note:this" or "ratio 3:a": not meant as a directive, give it back as written.
    return [{ type: 'text', value: `:${name}`, position }]
  }
  const marker = kind === 'containerDirective' ? ':::' : kind === 'leafDirective' ? '::' : ':'
  const known = [
    ...knownDirectives.containerDirective.map((n) => `:::${n}`),
    ...knownDirectives.textDirective.map((n) => `:${n}`),
  ]
  warn(
    `Unknown directive \`${marker}${name}\`; its content is kept as plain text (known: ${known.join(', ')})`,
    directive,
    'unknown-directive',
  )
  if (kind === 'textDirective') {
    const text: Text = { type: 'text', value: `:${name}`, position }
    return [text, ...(directive.children as PhrasingContent[])] as RootContent[]
  }
  if (kind === 'leafDirective') {
    return directive.children.length > 0
      ? [{ type: 'paragraph', children: directive.children, position }]
      : []
  }
  return directive.children as RootContent[]
}

function convertFigure(
  directive: ContainerDirective,
  warn: (reason: string, place: RootContent, ruleId: string) => void,
): RootContent {
  let image: Image | undefined
  const captionParts: PhrasingContent[] = []
  for (const child of directive.children) {
    if (child.type === 'paragraph') {
      const rest: PhrasingContent[] = []
      for (const inline of child.children) {
        if (!image && inline.type === 'image') image = inline
        else rest.push(inline)
      }
      const meaningful = rest.filter(
        (node) => !(node.type === 'text' && node.value.trim() === '') && node.type !== 'break',
      )
      if (meaningful.length > 0) {
        if (captionParts.length > 0) captionParts.push({ type: 'text', value: ' ' })
        captionParts.push(...trimPhrasing(rest))
      }
    } else {
      warn(
        `A \`:::figure\` holds an image and a caption paragraph; a ${child.type} here is dropped`,
        child,
        'figure-content',
      )
    }
  }
  if (!image) {
    warn(
      '`:::figure` has no image; its text is kept as a paragraph',
      directive,
      'figure-without-image',
    )
    return { type: 'paragraph', children: captionParts, position: directive.position }
  }
  const figure: Figure = {
    type: 'figure',
    children: [{ ...image, title: null }],
    position: directive.position,
  }
  if (captionParts.length === 0 && image.title)
    captionParts.push({ type: 'text', value: image.title })
  if (captionParts.length > 0)
    figure.children = [figure.children[0], { type: 'figureCaption', children: captionParts }]
  const credit = directive.attributes?.credit?.trim()
  if (credit) figure.credit = credit
  return figure
}

function trimPhrasing(nodes: PhrasingContent[]): PhrasingContent[] {
  const result = nodes.filter((node) => node.type !== 'break')
  const first = result[0]
  if (first?.type === 'text') result[0] = { ...first, value: first.value.replace(/^\s+/, '') }
  const last = result.at(-1)
  if (last?.type === 'text')
    result[result.length - 1] = { ...last, value: last.value.replace(/\s+$/, '') }
  return result
}
