import { type Article, articleMessage, directionOf } from '@pressroom/article'
import { labelsFor, labelTable } from '@pressroom/toolkit'
import type { Element, ElementContent, Properties } from 'hast'
import type { Definition, Parents } from 'mdast'
import type { Node } from 'unist'
import { defaultHandlers } from './handlers/index.js'
import type { Handlers, Labels, ResolvedOptions, State, XhtmlOptions } from './types.js'

/** Where messages come from (`source` of every `VFileMessage`). */
export const messageSource = 'pressroom-html'

/** The UI strings by primary language subtag: the toolkit's one table. */
export const defaultLabels: Readonly<Record<string, Labels>> = labelTable

/** Set up the walk over one article. */
export function createState(article: Article, options: XhtmlOptions = {}): State {
  const language = article.meta.language || 'en'
  const resolved: ResolvedOptions = {
    flavor: options.flavor === 'epub' ? 'epub' : 'web',
    idPrefix: options.idPrefix ?? '',
    imageSrc: options.imageSrc ?? ((image) => image.path),
    containerLanguage: options.containerLanguage || language,
    headingOffset: Math.trunc(options.headingOffset ?? 0) || 0,
    labels: labelsFor(language, options.labels),
  }
  const handlers = { ...defaultHandlers, ...options.handlers } as Handlers
  const report = options.report
  const usedIds = new Set<string>()
  const images = new Map(article.images.map((image) => [image.src, image]))

  const state: State = {
    article,
    options: resolved,
    handlers,
    language,
    one,
    all,
    wrap,
    patch,
    message,
    uniqueId,
    inLanguage,
    // Link and image definitions as the reader resolved them (the first of each identifier).
    definitionById: new Map<string, Definition>(
      (article.definitions ?? []).map((entry) => [
        String(entry.identifier).toUpperCase(),
        entry.definition,
      ]),
    ),
    // The reader decided which definition each footnote has (the first); nothing is collected here.
    footnoteById: new Map(
      article.footnotes.map((footnote) => [footnote.identifier, footnote.definition]),
    ),
    footnoteOrder: [],
    footnoteReferences: new Map(),
    footnoteIds: new Map(),
    headings: [],
    figureCount: 0,
    images,
  }

  return state

  function one(node: Node, parent: Parents | undefined): ElementContent[] {
    const handler = Object.hasOwn(handlers, node.type) ? handlers[node.type] : handlers.unknown
    const result = handler(state, node, parent)
    if (result === undefined) return []
    return Array.isArray(result) ? result : [result]
  }

  function all(parent: Parents): ElementContent[] {
    const results: ElementContent[] = []
    for (const child of parent.children) {
      for (const node of one(child, parent)) results.push(node)
    }
    return results
  }

  function wrap(nodes: ElementContent[], loose = false): ElementContent[] {
    const result: ElementContent[] = []
    if (loose) result.push({ type: 'text', value: '\n' })
    nodes.forEach((node, index) => {
      if (index > 0) result.push({ type: 'text', value: '\n' })
      result.push(node)
    })
    if (loose && nodes.length > 0) result.push({ type: 'text', value: '\n' })
    return result
  }

  function patch<T extends ElementContent | Element>(from: Node, to: T): T {
    if (from.position) to.position = from.position
    return to
  }

  function message(
    reason: string,
    place: Node | undefined,
    ruleId: string,
    fatal: boolean | undefined = false,
  ): void {
    if (!report) return
    const result = articleMessage(article, reason, { place, ruleId, source: messageSource })
    if (fatal === undefined) result.fatal = undefined
    report(result)
  }

  function uniqueId(base: string): string {
    const start = base || 'id'
    let id = start
    let count = 0
    while (usedIds.has(id)) id = `${start}-${++count}`
    usedIds.add(id)
    return resolved.idPrefix + id
  }

  function inLanguage<T>(
    lang: string | undefined,
    dir: string | undefined,
    render: () => T,
  ): { properties: Properties; result: T } {
    if (!lang || sameLanguage(lang, state.language)) return { properties: {}, result: render() }
    const before = state.language
    state.language = lang
    try {
      const direction = dir === 'rtl' || dir === 'ltr' ? dir : directionOf(lang)
      return { properties: { lang, dir: direction }, result: render() }
    } finally {
      state.language = before
    }
  }
}

/** Whether two language tags name the same language (case-insensitive). */
export function sameLanguage(a: string, b: string): boolean {
  return a.toLowerCase().replace(/_/g, '-') === b.toLowerCase().replace(/_/g, '-')
}
