import type { Element, ElementContent } from 'hast'
import { h } from 'hastscript'
import type { EpubLabels } from './types.js'

/** One entry of the table of contents. */
export interface NavItem {
  text: string
  href: string
  children: NavItem[]
}

/** A heading as reported by `@pressroom/html`. */
export interface HeadingRef {
  depth: number
  text: string
  id: string
}

/** Nest flat headings by depth (a jump from h2 to h4 nests under the h2). */
export function nestHeadings(headings: readonly HeadingRef[], href: string): NavItem[] {
  const root: NavItem[] = []
  const stack: Array<{ depth: number; item: NavItem }> = []
  for (const heading of headings) {
    const item: NavItem = { text: heading.text, href: `${href}#${heading.id}`, children: [] }
    while (stack.length > 0 && (stack[stack.length - 1]?.depth ?? 0) >= heading.depth) stack.pop()
    const parent = stack[stack.length - 1]
    ;(parent ? parent.item.children : root).push(item)
    stack.push({ depth: heading.depth, item })
  }
  return root
}

/** A nav entry must have text: an empty heading (an image only) still gets a visible label. */
export function navText(item: NavItem): string {
  return item.text.trim() || '…'
}

const text = (value: string): ElementContent => ({ type: 'text', value })

/** An indented `<ol>` of entries (and the line break after it). */
function list(items: readonly NavItem[], indent: string): ElementContent[] {
  if (items.length === 0) return []
  const children: ElementContent[] = [text('\n')]
  for (const item of items) {
    const nested = item.children.length > 0
    const li = h('li', [
      h('a', { href: item.href }, navText(item)),
      ...(nested ? [text('\n'), ...list(item.children, `${indent}    `), text(`${indent}  `)] : []),
    ])
    children.push(text(`${indent}  `), li, text('\n'))
  }
  children.push(text(indent))
  return [text(indent), h('ol', children), text('\n')]
}

export interface Landmark {
  type: 'cover' | 'titlepage' | 'toc' | 'bodymatter'
  href: string
  text: string
}

/** The navigation document's body: the table of contents and the (hidden) landmarks. */
export function navContent(
  toc: readonly NavItem[],
  landmarks: readonly Landmark[],
  labels: EpubLabels,
): ElementContent[] {
  const contents: Element = h(
    'nav',
    { 'epub:type': 'toc', role: 'doc-toc', id: 'toc', 'aria-labelledby': 'toc-title' },
    [text('\n  '), h('h1', { id: 'toc-title' }, labels.contents), text('\n'), ...list(toc, '  ')],
  )
  const items: ElementContent[] = [text('\n')]
  for (const landmark of landmarks) {
    items.push(
      text('    '),
      h('li', [h('a', { 'epub:type': landmark.type, href: landmark.href }, landmark.text)]),
      text('\n'),
    )
  }
  items.push(text('  '))
  const marks: Element = h(
    'nav',
    {
      'epub:type': 'landmarks',
      id: 'landmarks',
      'aria-labelledby': 'landmarks-title',
      hidden: true,
    },
    [
      text('\n  '),
      h('h2', { id: 'landmarks-title' }, labels.landmarks),
      text('\n  '),
      h('ol', items),
      text('\n'),
    ],
  )
  return [contents, text('\n'), marks]
}
