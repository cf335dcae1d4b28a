/** The cover page and its generated JPEG, for both kinds of book. */
import type { Article } from '@pressroom/article'
import { coverKey, DEFAULT_COVER_SIZE } from './cover-key.js'
import { coverSection } from './matter.js'
import { xhtmlPage } from './page.js'
import { type State, warn } from './state.js'
import type { CoverSize, EpubLabels } from './types.js'

const COVER_HREF = 'images/cover.jpg'
const COVER_ID = 'cover-image'

/** The generated cover's page (`cover.xhtml`); the JPEG itself is drawn at the end (`drawCover`). */
export function generatedCover(
  state: State,
  text: { kicker?: string; headline: string; byline?: string; footer?: string },
  language: string,
  dir: 'ltr' | 'rtl',
  labels: EpubLabels,
  picture?: { bytes: Uint8Array; src: string; alt: string; article: Article },
): void {
  state.cover = {
    text: { ...text, language, dir },
    picture: picture ? { bytes: picture.bytes, src: picture.src } : undefined,
    article: picture?.article,
  }
  state.coverImageId = COVER_ID
  const alt = [text.headline, text.byline, text.footer, picture?.alt].filter(Boolean).join(' — ')
  state.documents.push({
    id: 'cover',
    href: 'cover.xhtml',
    linear: true,
    xhtml: xhtmlPage({
      title: labels.cover,
      language,
      dir,
      content: coverSection(COVER_HREF, `${labels.cover}: ${alt}`, labels),
    }),
  })
}

/** Draw the cover JPEG (or take it from `coverCache`); a hero image sharp cannot decode is reported and left off. */
export async function drawCover(state: State): Promise<void> {
  const cover = state.cover
  if (!cover) return
  const size = coverSize(state.options.coverSize)
  const cache = state.options.coverCache
  const inputs = { size, picture: cover.picture?.bytes }
  const key = cache ? await coverKey(cover.text, inputs) : undefined
  let data: Uint8Array | undefined = key ? await cache?.get(key) : undefined
  if (data) {
    addCover(state, data)
    return
  }
  // The drawing code (fontkit, bidi-js, sharp) is loaded only when a cover is drawn.
  const { coverJpeg } = await import('./cover.js')
  try {
    data = await coverJpeg(cover.text, inputs)
    if (key) await cache?.set(key, data)
  } catch (error) {
    if (!cover.picture || !cover.article) throw error
    warn(
      state,
      cover.article,
      `hero image \`${cover.picture.src}\` left off the cover: it cannot be decoded (${(error as Error).message})`,
      'epub-hero-not-embedded',
    )
    data = await coverJpeg(cover.text, { size })
  }
  addCover(state, data)
}

function addCover(state: State, data: Uint8Array): void {
  state.resources.push({
    id: COVER_ID,
    href: COVER_HREF,
    mediaType: 'image/jpeg',
    properties: 'cover-image',
    data,
  })
}

/** The cover size asked for, or the default when it is not a sensible portrait size. */
function coverSize(size: CoverSize | undefined): CoverSize {
  if (!size) return DEFAULT_COVER_SIZE
  const ok = (value: number) => Number.isInteger(value) && value >= 100 && value <= 10000
  return ok(size.width) && ok(size.height) ? size : DEFAULT_COVER_SIZE
}
