import type { ArticleImage } from '@pressroom/article'

/** An image written into the book. */
export interface BookImage {
  /** Manifest id, `img-001`. */
  id: string
  /** Path relative to the package document (and to every XHTML page): `images/img-001.png`. */
  href: string
  mediaType: string
  bytes: Uint8Array
}

/**
 * Raster core media types of EPUB 3.2 that EPUBCheck 4.2.6 accepts without a
 * fallback. WebP (core only since EPUB 3.3) and SVG (may carry scripts and
 * external references) are left out: the reader sees the placeholder instead.
 */
const embeddable: Record<string, string> = {
  'image/jpeg': 'jpg',
  'image/png': 'png',
  'image/gif': 'gif',
}

/** Why an image is not embedded, or `undefined` when it can be. */
export function whyNotEmbedded(image: ArticleImage): string | undefined {
  if (image.status !== 'ok' || !image.bytes) return `image is ${image.status}`
  if (!image.mediaType || !(image.mediaType in embeddable)) {
    return `media type ${image.mediaType ?? 'unknown'} is not embedded in EPUB (only JPEG, PNG and GIF)`
  }
  return undefined
}

/**
 * The images of one book, named in order of first use (`img-001.jpg`...), the
 * same bytes stored once.
 */
export class ImageRegistry {
  readonly images: BookImage[] = []
  readonly #byHash = new Map<string, BookImage>()

  /** Register an embeddable image; `undefined` when it cannot be embedded. */
  add(image: ArticleImage): BookImage | undefined {
    if (whyNotEmbedded(image) !== undefined || !image.bytes || !image.mediaType) return undefined
    const key = image.sha256 ?? `${image.mediaType}:${image.src}`
    const known = this.#byHash.get(key)
    if (known) return known
    const number = String(this.images.length + 1).padStart(3, '0')
    const id = `img-${number}`
    const added: BookImage = {
      id,
      href: `images/${id}.${embeddable[image.mediaType]}`,
      mediaType: image.mediaType,
      bytes: image.bytes,
    }
    this.images.push(added)
    this.#byHash.set(key, added)
    return added
  }
}
