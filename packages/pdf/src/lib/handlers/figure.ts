import type { Figure, FigureCaption } from '@pressroom/article'
import type { Image, PhrasingContent } from 'mdast'
import SVGtoPDF from 'svg-to-pdfkit'
import { embedded } from '../draw.js'
import type { FontKey } from '../fonts.js'
import { colors, italic, type State } from '../state.js'
import type { Run } from '../typeset.js'

/** A figure: image (or a placeholder with the alt text), caption and credit, never split. */
export function figure(state: State, node: Figure): void {
  const [image, caption] = node.children
  figureFromImage(state, image, caption?.children, node.credit)
}

/**
 * Draw an image with its caption and credit. `paragraph`: the image is a paragraph's only content
 * (the reader made no figure of it): tagged `P > Figure`, the image's own `Figure` inside a `P`.
 */
export function figureFromImage(
  state: State,
  image: Pick<Image, 'url' | 'alt' | 'title' | 'position'>,
  caption: PhrasingContent[] | string | undefined,
  credit: string | undefined,
  options: { paragraph?: boolean } = {},
): void {
  const doc = state.doc
  const size = state.options.fontSize * 0.85
  const style = { font: 'serifItalic' as const, size, color: colors.muted }
  const runs: Run[] =
    typeof caption === 'string'
      ? [{ text: caption, style }]
      : caption
        ? state.runs(caption, style)
        : image.title
          ? [{ text: image.title, style }]
          : []
  if (credit)
    runs.push({
      text: `${runs.length ? ' ' : ''}${creditText(credit, state.labels.credit)}`,
      style: { ...style, font: 'serif' },
    })
  const captionLines = runs.length
    ? state.set(runs, {
        align: state.direction === 'rtl' ? 'right' : 'left',
        leading: size * 1.3,
        hyphenate: false,
        lineBreaker: 'greedy',
      })
    : []
  const entry = state.article.images.find((i) => i.src === image.url)
  let opened: PDFKit.PDFImage | undefined
  if (entry?.status === 'ok' && entry.bytes && /^image\/(png|jpeg)$/.test(entry.mediaType ?? '')) {
    try {
      opened = doc.openImage(
        Buffer.from(
          entry.bytes.buffer,
          entry.bytes.byteOffset,
          entry.bytes.byteLength,
        ) as unknown as ArrayBuffer,
      )
    } catch (error) {
      state.warn(
        `Image \`${image.url}\` could not be decoded: ${String(error)}`,
        image as never,
        'image-corrupt',
      )
    }
  } else {
    state.warn(
      `Image \`${image.url}\` left out (${entry ? entry.status + (entry.mediaType ? `, ${entry.mediaType}` : '') : 'not in article.images'}): placeholder printed`,
      image as never,
      'image-missing',
    )
  }
  // An SVG the reader kept (sanitised) is drawn as vectors; its PNG gives the size and stands in
  // when the SVG cannot be drawn.
  const svg =
    opened && entry?.original?.mediaType === 'image/svg+xml' && entry.original.bytes
      ? Buffer.from(entry.original.bytes).toString('utf8')
      : undefined
  const maxWidth = state.frame.width
  // A hero (set across the columns) up to 36% of the page, a figure in a column up to half of it.
  const maxHeight = state.page.columnHeight * (state.page.spanning ? 0.36 : 0.5)
  let width = maxWidth
  let height = 90
  if (opened) {
    const scale = Math.min(maxWidth / opened.width, maxHeight / opened.height, 1.5)
    width = opened.width * scale
    height = opened.height * scale
  }
  let captionHeight = 0
  for (const line of captionLines) captionHeight += line.height
  const total = 6 + height + 6 + captionHeight
  const place = () => {
    if (!state.atTop()) state.y += 6
    state.ensure(height + 6 + captionHeight)
    // On the start side of the column: the left edge, or the right one in a right-to-left article.
    // A hero across the columns is centred.
    const x = state.page.spanning
      ? state.frame.left + (maxWidth - width) / 2
      : state.direction === 'rtl'
        ? state.frame.left + maxWidth - width
        : state.frame.left
    const top = state.y
    const alt = image.alt || (typeof caption === 'string' ? caption : '') || state.labels.image
    if (options.paragraph) state.open('P')
    const element = state.open('Figure', {
      alt,
      bbox: [x, top, x + width, top + height],
      placement: 'Block',
    })
    const content = doc.markStructureContent('Figure')
    if (svg && drawSvg(state, svg, x, top, width, height, image.url)) {
      // drawn as vectors
    } else if (opened) doc.image(opened, x, top, { width, height })
    else {
      doc
        .save()
        .lineWidth(0.7)
        .dash(3, { space: 3 })
        .strokeColor(colors.rule)
        .rect(x, top, width, height)
        .stroke()
        .undash()
        .restore()
    }
    doc.endMarkedContent()
    element.add(content)
    state.y += height
    if (!opened) {
      // The placeholder carries the alt text, visibly.
      const text = `${state.labels.imageMissing}: ${image.alt || image.url}`
      const lines = state.set(
        [{ text, style: { font: italic('serif'), size, color: colors.muted } }],
        {
          width: width - 16,
          align: 'center',
          leading: size * 1.3,
          hyphenate: false,
          lineBreaker: 'greedy',
        },
      )
      let y = top + (height - lines.length * size * 1.3) / 2
      for (const line of lines) {
        state.drawLineTagged(line, x + 8, y, element, 'Figure')
        y += line.height
      }
    }
    if (captionLines.length) {
      state.y += 5
      state.placeLines(captionLines, { tag: 'Caption' })
    }
    state.close()
    if (options.paragraph) state.close()
    state.y += state.options.fontSize * 0.9
  }
  // A figure that does not fit below the text floats to the top of the next column, and the
  // text goes on here (no hole in the column).
  if (!state.atTop() && !state.page.fits(total) && state.canFloat()) state.float(place)
  else place()
}

export type { FigureCaption }

/**
 * A credit with its label once: "Photo: Reuters" for a bare name, but "Photo illustration: ...",
 * "Chart: ...", "Illustration by ..." or "© ..." as written (they say what they credit).
 */
export function creditText(credit: string, label: string): string {
  const labelled =
    /^[^:：]{1,40}[:：]\s/u.test(credit) ||
    /^(?:©|\(c\)|photo|picture|image|illustration|chart|graphic|map|drawing|video|source|courtesy|credit)/iu.test(
      credit.trim(),
    ) ||
    /\bby\b/iu.test(credit)
  return labelled ? credit : `${label} ${credit}`
}

/**
 * Draw an SVG as vectors (svg-to-pdfkit) in the box, text in the embedded serif. False (nothing
 * drawn) when it fails, so the PNG is drawn instead.
 */
function drawSvg(
  state: State,
  svg: string,
  x: number,
  top: number,
  width: number,
  height: number,
  url: string,
): boolean {
  const doc = state.doc
  const font = (doc as unknown as { _font: unknown })._font
  try {
    doc.save()
    SVGtoPDF(doc, svg, x, top, {
      width,
      height,
      preserveAspectRatio: 'xMidYMid meet',
      fontCallback: (_family, bold, italic) => {
        const key: FontKey = bold
          ? italic
            ? 'serifBoldItalic'
            : 'serifBold'
          : italic
            ? 'serifItalic'
            : 'serif'
        embedded(doc, key)
        return key
      },
      // The reader removed external references: nothing is fetched or opened.
      imageCallback: () => undefined,
      documentCallback: () => undefined,
      // Unsupported SVG features are skipped by svg-to-pdfkit; the drawing goes on.
      warningCallback: () => {},
    })
    doc.restore()
    return true
  } catch (error) {
    doc.restore()
    state.warn(
      `SVG \`${url}\` could not be drawn as vectors (${String(error)}): its PNG is printed`,
      undefined,
      'image-svg',
    )
    return false
  } finally {
    ;(doc as unknown as { _font: unknown })._font = font
  }
}
