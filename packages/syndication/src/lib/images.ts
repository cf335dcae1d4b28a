/**
 * The pictures an article carries into syndication: the hero image and every
 * figure in the body, with caption, credit and the reader's image record.
 */
import type { Article, ArticleImage, Figure } from '@pressroom/article'

/** The little of an mdast node this module looks at. */
interface AnyNode {
  type: string
  value?: string
  alt?: string | null
  children?: AnyNode[]
}

/** The text of a node (like `mdast-util-to-string`): text values and image alt, concatenated. */
export function nodeText(node: AnyNode): string {
  if (typeof node.value === 'string' && node.type !== 'html') return node.value
  if (node.type === 'image') return node.alt ?? ''
  if (node.type === 'break') return ' '
  return (node.children ?? []).map(nodeText).join('')
}

export interface Picture {
  /** `hero` or `figure`. */
  role: 'hero' | 'figure'
  /** `hero`, `figure-1`, `figure-2` ... */
  name: string
  src: string
  alt: string
  caption?: string
  credit?: string
  /** The reader's record of the image (bytes, media type, size), if it has one. */
  image?: ArticleImage
  /** The figure node (for message positions); none for the hero image. */
  node?: Figure
}

/** The hero image first, then the figures in document order. */
export function articlePictures(article: Article): Picture[] {
  const byKey = new Map(article.images.map((image) => [image.src, image]))
  const pictures: Picture[] = []
  const hero = article.meta.image
  if (hero) {
    pictures.push({
      role: 'hero',
      name: 'hero',
      src: hero.src,
      alt: hero.alt,
      ...(hero.caption ? { caption: hero.caption } : {}),
      ...(hero.credit ? { credit: hero.credit } : {}),
      ...(byKey.has(hero.src) ? { image: byKey.get(hero.src) } : {}),
    })
  }
  let count = 0
  const visit = (node: AnyNode): void => {
    if (node.type === 'figure') {
      const figure = node as unknown as Figure
      const [img, caption] = figure.children
      count++
      const text = caption ? nodeText(caption as AnyNode).trim() : ''
      const title = img.title?.trim()
      pictures.push({
        role: 'figure',
        name: `figure-${count}`,
        src: img.url,
        alt: img.alt ?? '',
        ...(text || title ? { caption: text || title } : {}),
        ...(figure.credit ? { credit: figure.credit } : {}),
        ...(byKey.has(img.url) ? { image: byKey.get(img.url) } : {}),
        node: figure,
      })
      return
    }
    for (const child of node.children ?? []) visit(child)
  }
  visit(article.tree as AnyNode)
  return pictures
}
