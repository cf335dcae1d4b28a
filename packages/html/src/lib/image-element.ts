import { safeUrl } from '@pressroom/toolkit'
import type { Element, ElementContent } from 'hast'
import type { Node } from 'unist'
import type { State } from './types.js'

const reasons: Record<string, string> = {
  missing: 'the file is missing',
  remote: 'remote images are never embedded',
  outside: "the file is outside the article's folder",
  corrupt: 'the file is not a readable image',
  unsupported: 'the image format is not supported',
}

/**
 * An `<img>` for an image the article refers to by `src`, or a visible
 * placeholder (with a warning) when it cannot be embedded.
 */
export function imageElement(
  state: State,
  node: Node,
  src: string,
  alt: string,
  title: string | null | undefined,
): ElementContent {
  const image = state.images.get(src)
  let reason: string
  if (!image) {
    reason = 'it is not among the article’s images'
  } else if (image.status !== 'ok') {
    reason = reasons[image.status] ?? `its status is \`${image.status}\``
  } else {
    const url = state.options.imageSrc(image)
    const safe = url === undefined ? undefined : safeUrl(url, 'image')
    if (safe !== undefined && safe !== '') {
      const properties: Element['properties'] = { src: safe, alt }
      if (image.width) properties.width = image.width
      if (image.height) properties.height = image.height
      if (title) properties.title = title
      return state.patch(node, { type: 'element', tagName: 'img', properties, children: [] })
    }
    reason =
      url === undefined
        ? '`imageSrc` gave no URL for it'
        : `\`imageSrc\` gave an unsafe URL for it (\`${url}\`)`
  }
  state.message(`Image \`${src}\` left out: ${reason}`, node, 'image-not-embedded')
  return placeholder(state, node, alt)
}

/** `<span class="image-placeholder" role="img" aria-label="ALT">[Image: ALT]</span>`. */
export function placeholder(state: State, node: Node, alt: string): Element {
  const label = state.options.labels.image
  return state.patch(node, {
    type: 'element',
    tagName: 'span',
    properties: { className: ['image-placeholder'], role: 'img', ariaLabel: alt || label },
    children: [{ type: 'text', value: alt ? `[${label}: ${alt}]` : `[${label}]` }],
  })
}
