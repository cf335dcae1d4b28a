import type { DescriptionDetails, DescriptionList, DescriptionTerm } from '@pressroom/article'
import type { Element } from 'hast'
import type { State } from '../types.js'

/** `descriptionList` (the author's `<dl>`) -> `<dl>`, one term or description a line. */
export function descriptionList(state: State, node: DescriptionList): Element {
  return state.patch(node, {
    type: 'element',
    tagName: 'dl',
    properties: {},
    children: state.wrap(state.all(node), true),
  })
}

/** `descriptionTerm` -> `<dt>`. */
export function descriptionTerm(state: State, node: DescriptionTerm): Element {
  return state.patch(node, {
    type: 'element',
    tagName: 'dt',
    properties: {},
    children: state.all(node),
  })
}

/** `descriptionDetails` -> `<dd>`; a lone paragraph unwrapped (as in a tight list item). */
export function descriptionDetails(state: State, node: DescriptionDetails): Element {
  const results = state.all(node)
  const only = results.length === 1 ? results[0] : undefined
  const children =
    node.children.length === 1 &&
    node.children[0].type === 'paragraph' &&
    only?.type === 'element' &&
    only.tagName === 'p'
      ? only.children
      : state.wrap(results, true)
  return state.patch(node, { type: 'element', tagName: 'dd', properties: {}, children })
}
