/**
 * The structure tree (Tagged PDF), apart from layout: the element stack, artifacts, and drawing a
 * line as marked content of an element (links as `Link` elements with their annotations).
 */
import { baselineOffset, drawPieces } from './draw.js'
import type { Line } from './typeset.js'

type Doc = PDFKit.PDFDocument
export type StructElement = PDFKit.PDFStructureElement

export class Tagging {
  readonly doc: Doc
  /** Open elements, the document's root first. */
  stack: StructElement[] = []

  constructor(doc: Doc) {
    this.doc = doc
  }

  /** The innermost open element. */
  get current(): StructElement {
    return this.stack[this.stack.length - 1]
  }

  /** The document's root element. */
  get root(): StructElement {
    return this.stack[0]
  }

  /** Open a structure element under the current one. */
  open(type: string, options: Record<string, unknown> = {}): StructElement {
    const element = this.doc.struct(type, options as PDFKit.Mixins.StructureElementOptions)
    this.current.add(element)
    this.stack.push(element)
    return element
  }

  close(): void {
    this.stack.pop()?.end()
  }

  /** Draw something as an artifact (not part of the content). */
  artifact(type: 'Layout' | 'Pagination', draw: () => void): void {
    this.doc.markContent('Artifact', { type } as PDFKit.Mixins.MarkingOptions)
    draw()
    this.doc.endMarkedContent()
  }

  /** Draw a line, its pieces marked as content of `element` (links as Link elements). */
  drawLine(
    line: Line,
    x: number,
    top: number,
    element: StructElement,
    tag: string,
    links?: Map<number, StructElement>,
  ): void {
    const doc = this.doc
    const pieces = line.pieces
    const baseline = top + baselineOffset(line)
    let i = 0
    while (i < pieces.length) {
      const linkId = pieces[i].style.linkId
      let j = i
      while (j < pieces.length && pieces[j].style.linkId === linkId) j++
      const group = pieces.slice(i, j)
      if (linkId !== undefined && links) {
        let link = links.get(linkId)
        if (!link) {
          link = doc.struct('Link', { alt: group[0].style.link })
          element.add(link)
          links.set(linkId, link)
        }
        const content = doc.markStructureContent('Link')
        drawPieces(doc, group, x, baseline)
        doc.endMarkedContent()
        link.add(content)
        const first = group[0]
        const last = group[group.length - 1]
        const left = x + first.x
        const right = x + last.x + last.drawnWidth
        const annotation = {
          structParent: link,
          Contents: new String(group[0].style.link),
        } as unknown as PDFKit.Mixins.AnnotationOption
        if (first.style.goTo)
          doc.goTo(left, top, right - left, line.height, first.style.goTo, annotation)
        else doc.link(left, top, right - left, line.height, first.style.link!, annotation)
      } else {
        const content = doc.markStructureContent(tag)
        drawPieces(doc, group, x, baseline)
        doc.endMarkedContent()
        element.add(content)
      }
      i = j
    }
  }
}
