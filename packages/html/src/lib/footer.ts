import type { Element, ElementContent } from 'hast'
import type { State } from './types.js'

/**
 * The notes: for `web`, `<section class="footnotes" role="doc-endnotes">`
 * with an `<ol>`; for `epub`, one `<aside epub:type="footnote">` per note.
 * Notes come in order of first reference; notes referenced only from other
 * notes are added as they are met. Unreferenced notes are left out (the
 * reader reported them).
 */
export function footer(state: State): ElementContent[] {
  const contents: ElementContent[][] = []
  // The order grows while notes are rendered (references inside notes).
  for (let index = 0; index < state.footnoteOrder.length; index++) {
    const definition = state.footnoteById.get(state.footnoteOrder[index])
    contents.push(definition ? state.all(definition) : [])
  }

  // The reader reported every note nothing cites; here only one cited from nowhere this writes
  // (a note that is itself left out).
  for (const footnote of state.article.footnotes) {
    if (footnote.referenced && !state.footnoteIds.has(footnote.identifier)) {
      state.message(
        `Footnote \`${footnote.label}\` is cited only from notes that are left out: left out too`,
        footnote.definition,
        'unused-footnote',
      )
    }
  }

  if (contents.length === 0) return []
  const { labels, flavor, headingOffset } = state.options

  const notes = state.footnoteOrder.map((identifier, index) => {
    const definition = state.footnoteById.get(identifier)
    const id = state.footnoteIds.get(identifier) ?? ''
    const references = state.footnoteReferences.get(identifier) ?? []
    const children = contents[index]
    const number = String(index + 1)

    if (flavor === 'epub') {
      const backlink: Element = {
        type: 'element',
        tagName: 'a',
        properties: { href: `#${references[0]}`, role: 'doc-backlink' },
        children: [{ type: 'text', value: `${number}.` }],
      }
      const first = children[0]
      if (first && first.type === 'element' && first.tagName === 'p') {
        first.children.unshift(backlink, { type: 'text', value: ' ' })
      } else {
        children.unshift({ type: 'element', tagName: 'p', properties: {}, children: [backlink] })
      }
      const aside: Element = {
        type: 'element',
        tagName: 'aside',
        properties: { 'epub:type': 'footnote', role: 'doc-footnote', id },
        children: state.wrap(children, true),
      }
      return definition ? state.patch(definition, aside) : aside
    }

    const backlinks: ElementContent[] = []
    references.forEach((reference, referenceIndex) => {
      if (referenceIndex > 0) backlinks.push({ type: 'text', value: ' ' })
      backlinks.push({
        type: 'element',
        tagName: 'a',
        properties: {
          href: `#${reference}`,
          role: 'doc-backlink',
          ariaLabel: labels.backToText + (references.length > 1 ? ` ${referenceIndex + 1}` : ''),
        },
        children: [
          { type: 'text', value: '↩' },
          ...(referenceIndex > 0
            ? [
                {
                  type: 'element',
                  tagName: 'sup',
                  properties: {},
                  children: [{ type: 'text', value: String(referenceIndex + 1) }],
                } satisfies Element,
              ]
            : []),
        ],
      })
    })
    const last = children.at(-1)
    if (last && last.type === 'element' && last.tagName === 'p') {
      last.children.push({ type: 'text', value: ' ' }, ...backlinks)
    } else {
      children.push({ type: 'element', tagName: 'p', properties: {}, children: backlinks })
    }
    const item: Element = {
      type: 'element',
      tagName: 'li',
      // No role: `doc-endnote` is deprecated (DPUB-ARIA 1.1); the list inside `doc-endnotes` says it.
      properties: { id },
      children: state.wrap(children, true),
    }
    return definition ? state.patch(definition, item) : item
  })

  if (flavor === 'epub') return notes

  return [
    {
      type: 'element',
      tagName: 'section',
      properties: {
        className: ['footnotes'],
        role: 'doc-endnotes',
        id: state.uniqueId('footnotes'),
      },
      children: state.wrap(
        [
          {
            type: 'element',
            tagName: `h${Math.min(6, Math.max(1, 2 + headingOffset))}`,
            properties: {},
            children: [{ type: 'text', value: labels.notes }],
          },
          { type: 'element', tagName: 'ol', properties: {}, children: state.wrap(notes, true) },
        ],
        true,
      ),
    },
  ]
}
