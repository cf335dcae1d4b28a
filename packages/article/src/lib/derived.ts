import type { Root, RootContent } from 'mdast'
import { toString as mdastToString } from 'mdast-util-to-string'

const blockTypes = new Set([
  'paragraph',
  'heading',
  'code',
  'thematicBreak',
  'html',
  'definition',
  'descriptionTerm',
])

/**
 * The body as plain text: one block a paragraph, separated by blank lines.
 * Figures (their captions), pull quotes (they repeat the text), footnote
 * definitions, link definitions and raw HTML are left out.
 */
export function plainTextOf(tree: Root): string {
  const blocks: string[] = []
  const walk = (nodes: RootContent[], prefix = '') => {
    for (const node of nodes) {
      switch (node.type) {
        case 'figure':
        case 'pullquote':
        case 'footnoteDefinition':
        case 'definition':
        case 'html':
        case 'thematicBreak':
        case 'yaml':
          break
        case 'list':
          node.children.forEach((item, index) => {
            const marker = node.ordered ? `${(node.start ?? 1) + index}. ` : '• '
            const before = blocks.length
            walk(item.children, '')
            if (blocks.length > before) blocks[before] = `${prefix}${marker}${blocks[before]}`
          })
          break
        case 'table':
          for (const row of node.children)
            blocks.push(row.children.map((cell) => textOf(cell)).join('\t'))
          break
        case 'code':
          blocks.push(node.value)
          break
        case 'aside': {
          // An aside's title is text the author wrote, printed by every format: keep it.
          const label = (node as { label?: string }).label?.replace(/\s+/g, ' ').trim()
          if (label) blocks.push(label)
          walk(node.children as RootContent[], prefix)
          break
        }
        default:
          if (
            'children' in node &&
            !blockTypes.has(node.type) &&
            node.type !== 'tableCell' &&
            node.type !== 'listItem'
          ) {
            walk(node.children as RootContent[], prefix)
          } else {
            const text = textOf(node)
            if (text) blocks.push(text)
          }
      }
    }
  }
  walk(tree.children)
  return blocks.join('\n\n')
}

/** Levels to add to body headings so that the shallowest is level 2 (the title is level 1). */
export function headingOffsetOf(tree: Root): number {
  let minDepth = 6
  const visit = (node: { type: string; depth?: number; children?: unknown[] }): void => {
    if (node.type === 'heading' && typeof node.depth === 'number')
      minDepth = Math.min(minDepth, node.depth)
    if (node.children) for (const child of node.children) visit(child as typeof node)
  }
  visit(tree as unknown as { type: string; children?: unknown[] })
  return Math.max(0, 2 - minDepth)
}

/** Text of a node, footnote references and raw HTML left out, whitespace collapsed. */
function textOf(node: RootContent): string {
  return mdastToString(withBreaksAsSpaces(withoutFootnoteRefs(node)), { includeImageAlt: false })
    .replace(/\s+/g, ' ')
    .trim()
}

/** A hard line break separates words as a space would (mdast-util-to-string drops `break` nodes). */
function withBreaksAsSpaces(node: RootContent): RootContent {
  if (!('children' in node)) return node
  return {
    ...node,
    children: (node.children as RootContent[]).map((child) =>
      child.type === 'break'
        ? ({ type: 'text', value: ' ' } as RootContent)
        : withBreaksAsSpaces(child),
    ),
  } as RootContent
}

function withoutFootnoteRefs(node: RootContent): RootContent {
  if (!('children' in node)) return node
  return {
    ...node,
    children: (node.children as RootContent[])
      .filter((child) => child.type !== 'footnoteReference' && child.type !== 'html')
      .map(withoutFootnoteRefs),
  } as RootContent
}

const segmenters = new Map<string, Intl.Segmenter>()

/** Scripts written without spaces between words: these need the dictionary-based segmenter. */
const unspaced =
  /[\p{Script=Han}\p{Script=Hiragana}\p{Script=Katakana}\p{Script=Thai}\p{Script=Lao}\p{Script=Khmer}\p{Script=Myanmar}]/u
/** A word: letters, digits and marks, joined by apostrophes, hyphens or inner dots (1990’s, vis-à-vis, 2.9). */
const word = /[\p{L}\p{N}\p{M}]+(?:['’.\-‐][\p{L}\p{N}\p{M}]+)*/gu

/**
 * Words in a text. Scripts that separate words with spaces are counted with a
 * regular expression (Intl.Segmenter costs 4-5 ms per 1,000 words, more than
 * parsing them); scripts without spaces (Chinese, Japanese, Thai ...) with
 * Intl.Segmenter, a few thousand characters at a time (it slows down badly on
 * very long strings).
 */
export function countWords(text: string, language = 'en'): number {
  if (!unspaced.test(text)) return text.match(word)?.length ?? 0
  let segmenter = segmenters.get(language)
  if (!segmenter) {
    segmenter = new Intl.Segmenter(language, { granularity: 'word' })
    segmenters.set(language, segmenter)
  }
  let count = 0
  const chunk = 4096
  for (let start = 0; start < text.length; ) {
    let end = Math.min(text.length, start + chunk)
    if (end < text.length) {
      const cut = Math.max(text.lastIndexOf(' ', end), text.lastIndexOf('\n', end))
      if (cut > start) end = cut
    }
    for (const segment of segmenter.segment(text.slice(start, end))) if (segment.isWordLike) count++
    start = end
  }
  return count
}

/** A summary from the first paragraph: whole sentences or words, at most `max` characters. */
export function deriveSummary(tree: Root, max = 240): string | undefined {
  const paragraph = tree.children.find((node) => node.type === 'paragraph')
  if (!paragraph) return undefined
  const text = textOf(paragraph)
  if (text.length <= max) return text || undefined
  const cut = text.slice(0, max)
  const sentence = cut.match(/^[\s\S]*[.!?؟。](?=\s)/)
  if (sentence && sentence[0].length > max / 2) return sentence[0]
  return `${cut.slice(0, cut.lastIndexOf(' ')).replace(/[\s,;:]+$/, '')}…`
}
