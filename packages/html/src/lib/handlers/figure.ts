import type { Figure } from '@pressroom/article'
import type { Element, ElementContent } from 'hast'
import type { State } from '../types.js'

/**
 * A figure -> `<figure id="figure-N"><img/><figcaption>caption
 * <span class="credit">credit</span></figcaption></figure>`. The image's
 * title is not repeated (the caption says it).
 */
export function figure(state: State, node: Figure): Element {
  state.figureCount++
  const children: ElementContent[] = []
  const caption: ElementContent[] = []
  for (const child of node.children) {
    if (child.type === 'image') {
      for (const result of state.one(child, node)) {
        // The caption says it: no tooltip repeating it.
        if (result.type === 'element' && result.tagName === 'img') delete result.properties.title
        children.push(result)
      }
    } else if (child.type === 'figureCaption') {
      for (const result of state.one(child, node)) {
        if (result.type === 'element' && result.tagName === 'figcaption')
          caption.push(...result.children)
        else caption.push(result)
      }
    } else {
      children.push(...state.one(child, node))
    }
  }
  if (node.credit) {
    if (caption.length > 0) caption.push({ type: 'text', value: ' ' })
    caption.push({
      type: 'element',
      tagName: 'span',
      properties: { className: ['credit'] },
      children: [{ type: 'text', value: node.credit }],
    })
  }
  if (caption.length > 0) {
    children.push({ type: 'element', tagName: 'figcaption', properties: {}, children: caption })
  }
  return state.patch(node, {
    type: 'element',
    tagName: 'figure',
    properties: { id: state.uniqueId(`figure-${state.figureCount}`) },
    children: state.wrap(children, true),
  })
}
