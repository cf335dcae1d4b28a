import type { EpubLabels } from './types.js'
import { escapeXml } from './xml.js'

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

function list(items: readonly NavItem[], indent: string): string {
  if (items.length === 0) return ''
  let out = `${indent}<ol>\n`
  for (const item of items) {
    // A nav entry must have text: an empty heading (an image only) still gets a visible label.
    const text = item.text.trim() || '…'
    out += `${indent}  <li><a href="${escapeXml(item.href)}">${escapeXml(text)}</a>`
    out +=
      item.children.length > 0
        ? `\n${list(item.children, `${indent}    `)}${indent}  </li>\n`
        : '</li>\n'
  }
  return `${out}${indent}</ol>\n`
}

export interface Landmark {
  type: 'cover' | 'titlepage' | 'toc' | 'bodymatter'
  href: string
  text: string
}

/** The navigation document's body: the table of contents and the landmarks. */
export function navContent(
  toc: readonly NavItem[],
  landmarks: readonly Landmark[],
  labels: EpubLabels,
): string {
  let out = '<nav epub:type="toc" role="doc-toc" id="toc" aria-labelledby="toc-title">\n'
  out += `  <h1 id="toc-title">${escapeXml(labels.contents)}</h1>\n`
  out += list(toc, '  ')
  out += '</nav>\n'
  out += `<nav epub:type="landmarks" id="landmarks" aria-labelledby="landmarks-title" hidden="hidden">\n`
  out += `  <h2 id="landmarks-title">${escapeXml(labels.landmarks)}</h2>\n  <ol>\n`
  for (const landmark of landmarks) {
    out += `    <li><a epub:type="${landmark.type}" href="${escapeXml(landmark.href)}">${escapeXml(landmark.text)}</a></li>\n`
  }
  out += '  </ol>\n</nav>'
  return out
}
