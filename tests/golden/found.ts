/**
 * What each format shows, read back from its output the way a reader would meet it: notes,
 * figures, link targets and text. HTML and XHTML are parsed with hast-util-from-html (one reader for
 * the web page, the EPUB chapter and the HTML bodies of ninjs and JSON Feed).
 */

import { output } from '@pressroom/test-helpers'
import type { Element, ElementContent, Root } from 'hast'
import { fromHtml } from 'hast-util-from-html'

export interface Found {
  footnotes: string[]
  figures: string[]
  links: string[]
  /** Headings as `h2 Text`, in order (a notes section's own heading left out). */
  headings: string[]
  /** All the text, note reference numbers left out. */
  text: string
  /** `<sup>`, `<sub>`, `<abbr>` outside notes and note links, as `sup 3`, `abbr PR (Pressroom)`. */
  marks: string[]
}

const classes = (element: Element) => {
  const value = element.properties.className
  return Array.isArray(value) ? value.map(String) : []
}

function elements(node: Root | Element, test: (element: Element) => boolean): Element[] {
  const out: Element[] = []
  const walk = (parent: Root | Element) => {
    for (const child of parent.children) {
      if (child.type !== 'element') continue
      if (test(child)) out.push(child)
      walk(child)
    }
  }
  walk(node)
  return out
}

/** Text of a subtree, leaving out note references, back links and scripts. */
export function textOf(node: Root | Element | ElementContent): string {
  if (node.type === 'text') return node.value
  if (node.type !== 'element' && node.type !== 'root') return ''
  if (node.type === 'element') {
    const role = node.properties.role
    if (role === 'doc-noteref' || role === 'doc-backlink') return ''
    if (node.tagName === 'script' || node.tagName === 'style') return ''
  }
  return node.children.map((child) => textOf(child as ElementContent)).join('')
}

const squash = (text: string) => text.replace(/\s+/g, ' ').trim()

/**
 * Read an HTML document or fragment. `heroCaption` leaves out the hero figure (a page's or book's
 * header, not the body); `idPrefix` is taken off in-page links (`#slug-cargo` is `#cargo`).
 */
export function fromHtmlOutput(
  html: string,
  options: { heroCaption?: string; idPrefix?: string } = {},
): Found {
  const tree = fromHtml(html, { fragment: !/^\s*(<\?xml|<!DOCTYPE)/i.test(html) })
  const notes = [
    ...elements(tree, (element) => element.properties.role === 'doc-footnote'),
    ...elements(tree, (element) => element.properties.role === 'doc-endnotes').flatMap((section) =>
      elements(section, (element) => element.tagName === 'li'),
    ),
  ]
  const figures = elements(tree, (element) => element.tagName === 'figure')
    .filter((figure) => !classes(figure).includes('hero'))
    .map((figure) =>
      squash(
        textOf(
          elements(figure, (element) => element.tagName === 'figcaption')[0] ?? {
            type: 'root',
            children: [],
          },
        ),
      ),
    )
    .filter((caption) => !options.heroCaption || !caption.startsWith(options.heroCaption))
  const links = elements(
    tree,
    (element) =>
      element.tagName === 'a' &&
      typeof element.properties.href === 'string' &&
      element.properties.role !== 'doc-noteref' &&
      element.properties.role !== 'doc-backlink',
  ).map((element) => {
    const href = String(element.properties.href)
    const prefix = options.idPrefix ? `#${options.idPrefix}-` : undefined
    return prefix && href.startsWith(prefix) ? `#${href.slice(prefix.length)}` : href
  })
  const endnotes = new Set(
    elements(tree, (element) => element.properties.role === 'doc-endnotes').flatMap((section) =>
      elements(section, () => true),
    ),
  )
  const headings = elements(
    tree,
    (element) => /^h[1-6]$/.test(element.tagName) && !endnotes.has(element),
  ).map((element) => `${element.tagName} ${squash(textOf(element))}`)
  const notesAndLinks = new Set(
    elements(tree, (element) =>
      /^doc-(footnote|endnotes|noteref|backlink)$/.test(String(element.properties.role)),
    ).flatMap((element) => [element, ...elements(element, () => true)]),
  )
  const marks = elements(
    tree,
    (element) => /^(sup|sub|abbr)$/.test(element.tagName) && !notesAndLinks.has(element),
  ).map((element) => {
    const title = element.properties.title
    return `${element.tagName} ${squash(textOf(element))}${title ? ` (${title})` : ''}`
  })
  return {
    marks,
    footnotes: notes.map((note) => squash(textOf(note))),
    headings,
    figures,
    links,
    text: textOf(tree),
  }
}

/** A word of a PDF as poppler places it (`pdftotext -bbox`), top-down points. */
export interface PdfWord {
  text: string
  xMin: number
  yMin: number
  xMax: number
  yMax: number
}

/** Every word of a PDF with its box, in reading order (poppler makes a word of each size). */
export function pdfWords(file: string): PdfWord[] {
  const html = output('pdftotext', ['-bbox', '-enc', 'UTF-8', file, '-'])
  const number = (attributes: string, name: string) =>
    Number(new RegExp(`${name}="([^"]+)"`).exec(attributes)?.[1])
  return [...html.matchAll(/<word ([^>]*)>([^<]*)<\/word>/g)].map((match) => ({
    text: match[2]
      .replace(/&lt;/g, '<')
      .replace(/&gt;/g, '>')
      .replace(/&quot;/g, '"')
      .replace(/&apos;/g, "'")
      .replace(/&amp;/g, '&'),
    xMin: number(match[1], 'xMin'),
    yMin: number(match[1], 'yMin'),
    xMax: number(match[1], 'xMax'),
    yMax: number(match[1], 'yMax'),
  }))
}
