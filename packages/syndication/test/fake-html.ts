// TEMPORARY test-only stand-in for @pressroom/html until it lands: escapes text,
// links images through imageSrc. Not a sanitiser: the hostile test needs the real one.
import type { Article, ArticleImage } from '@pressroom/article'

type Node = { type: string; value?: string; url?: string; alt?: string; children?: Node[] }
interface Options {
  imageSrc?: (image: ArticleImage) => string | undefined
}

export function escapeXml(text: string): string {
  return text
    .replace(/&/g, '&amp;')
    .replace(/</g, '&lt;')
    .replace(/>/g, '&gt;')
    .replace(/"/g, '&quot;')
}

function render(article: Article, node: Node, options: Options): string {
  if (node.type === 'html') return ''
  if (node.type === 'text') return escapeXml(node.value ?? '')
  if (node.type === 'image') {
    const image = article.images.find((i) => i.src === node.url)
    const src = image && image.status === 'ok' ? options.imageSrc?.(image) : undefined
    return src
      ? `<img src="${escapeXml(src)}" alt="${escapeXml(node.alt ?? '')}"/>`
      : `<span class="placeholder">${escapeXml(node.alt ?? '')}</span>`
  }
  const inner = (node.children ?? []).map((child) => render(article, child, options)).join('')
  if (node.type === 'paragraph') return `<p>${inner}</p>`
  if (node.type === 'link') return `<a href="${escapeXml(node.url ?? '')}">${inner}</a>`
  return inner
}

export function toXhtml(article: Article, options: Options = {}) {
  return {
    xhtml: render(article, article.tree as Node, options),
    hast: { type: 'root', children: [] },
    headings: [],
  }
}

export function phrasingToXhtml(article: Article, nodes: Node[], options: Options = {}): string {
  return nodes.map((node) => render(article, node, options)).join('')
}
