import type { Article } from '@pressroom/article'

/**
 * `dcterms:modified` when nothing dates the article: 1980-01-01T00:00:00Z, the
 * earliest moment a ZIP container (so an EPUB) can record and the date its zip
 * entries carry. EPUB requires the property, so it cannot be left out; this
 * value says "no date" and never passes for a real one.
 */
export const UNDATED_MS = Date.UTC(1980, 0, 1)

/**
 * The moment for `dcterms:modified`: the article's `updated`, else its
 * `published`, else its `embargo` (when it becomes public), else the caller's
 * `modified`, else `UNDATED_MS` (and `undated` is true).
 */
export function modifiedMs(
  article: Article,
  fallback?: string | Date,
): { ms: number; undated: boolean } {
  const { updated, published, embargo } = article.meta
  const dated = updated?.epochMs ?? published?.epochMs ?? embargo?.epochMs
  if (dated !== undefined) return { ms: dated, undated: false }
  const given = fallback === undefined ? Number.NaN : new Date(fallback).getTime()
  if (Number.isFinite(given)) return { ms: Math.floor(given / 1000) * 1000, undated: false }
  return { ms: UNDATED_MS, undated: true }
}

/** `CCYY-MM-DDThh:mm:ssZ`, the only form `dcterms:modified` allows. */
export function toModified(ms: number): string {
  return new Date(ms).toISOString().replace(/\.\d{3}Z$/, 'Z')
}
