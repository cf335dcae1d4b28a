/**
 * Info dictionary and XMP from the article, never from the clock. pdfkit does
 * not escape XMP and leaves ModDate out of it: we write the XMP ourselves.
 */
import type { Article } from '@pressroom/article'
import { escapeXml } from '@pressroom/toolkit'

/** Used when the article has no date at all: fixed, so output stays reproducible. */
export const fallbackDate = new Date(Date.UTC(2000, 0, 1))

export interface Dates {
  created: Date
  modified: Date
}

export function articleDates(article: Article): Dates {
  const published = article.meta.published?.epochMs
  const updated = article.meta.updated?.epochMs
  const created = new Date(published ?? updated ?? fallbackDate.getTime())
  const modified = new Date(updated ?? published ?? fallbackDate.getTime())
  return { created, modified }
}

/** Info's Author: the names as a comma-separated list (metadata, not prose; XMP has each name apart). */
export function authorsOf(article: Article): string {
  return article.meta.authors.map((a) => a.name).join(', ')
}

export function infoOf(article: Article, dates: Dates): PDFKit.DocumentInfo {
  const info: PDFKit.DocumentInfo = {
    Title: article.meta.title,
    Author: authorsOf(article) || undefined,
    Subject: article.meta.summary ?? article.meta.subtitle,
    Keywords: article.meta.tags.join(', ') || undefined,
    Creator: 'Pressroom',
    Producer: 'Pressroom (pdfkit)',
    CreationDate: dates.created,
    ModDate: dates.modified,
  }
  for (const key of Object.keys(info) as Array<keyof PDFKit.DocumentInfo>)
    if (info[key] === undefined) delete info[key]
  return info
}

function iso(date: Date): string {
  return date.toISOString().replace(/\.\d{3}Z$/, 'Z')
}

/** Replace pdfkit's `_addInfo` (unescaped XMP) with an escaped one that agrees with Info. */
export function patchXmp(doc: PDFKit.PDFDocument, article: Article, dates: Dates): void {
  const target = doc as unknown as {
    _addInfo: () => void
    appendXML: (xml: string) => void
    info: PDFKit.DocumentInfo
  }
  target._addInfo = () => {
    const info = target.info
    const parts: string[] = [
      `<rdf:Description rdf:about="" xmlns:xmp="http://ns.adobe.com/xap/1.0/">`,
      `<xmp:CreateDate>${iso(dates.created)}</xmp:CreateDate>`,
      `<xmp:ModifyDate>${iso(dates.modified)}</xmp:ModifyDate>`,
      `<xmp:MetadataDate>${iso(dates.modified)}</xmp:MetadataDate>`,
      `<xmp:CreatorTool>${escapeXml(String(info.Creator ?? ''))}</xmp:CreatorTool>`,
      `</rdf:Description>`,
      `<rdf:Description rdf:about="" xmlns:dc="http://purl.org/dc/elements/1.1/">`,
      `<dc:format>application/pdf</dc:format>`,
      `<dc:title><rdf:Alt><rdf:li xml:lang="x-default">${escapeXml(article.meta.title)}</rdf:li></rdf:Alt></dc:title>`,
    ]
    if (article.meta.authors.length > 0) {
      parts.push(
        `<dc:creator><rdf:Seq>${article.meta.authors.map((a) => `<rdf:li>${escapeXml(a.name)}</rdf:li>`).join('')}</rdf:Seq></dc:creator>`,
      )
    }
    if (info.Subject)
      parts.push(
        `<dc:description><rdf:Alt><rdf:li xml:lang="x-default">${escapeXml(String(info.Subject))}</rdf:li></rdf:Alt></dc:description>`,
      )
    parts.push(
      `<dc:language><rdf:Bag><rdf:li>${escapeXml(article.meta.language)}</rdf:li></rdf:Bag></dc:language>`,
    )
    if (article.meta.tags.length > 0)
      parts.push(
        `<dc:subject><rdf:Bag>${article.meta.tags.map((t) => `<rdf:li>${escapeXml(t)}</rdf:li>`).join('')}</rdf:Bag></dc:subject>`,
      )
    if (article.meta.rights)
      parts.push(
        `<dc:rights><rdf:Alt><rdf:li xml:lang="x-default">${escapeXml(article.meta.rights)}</rdf:li></rdf:Alt></dc:rights>`,
      )
    parts.push(`</rdf:Description>`)
    parts.push(
      `<rdf:Description rdf:about="" xmlns:pdf="http://ns.adobe.com/pdf/1.3/">`,
      `<pdf:Producer>${escapeXml(String(info.Producer ?? ''))}</pdf:Producer>`,
    )
    if (info.Keywords)
      parts.push(`<pdf:Keywords>${escapeXml(String(info.Keywords))}</pdf:Keywords>`)
    parts.push(`</rdf:Description>`)
    target.appendXML(parts.join('\n'))
  }
}
