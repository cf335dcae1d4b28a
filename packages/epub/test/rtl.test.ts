import { contentArticle, epubcheckTs, findAll, parseXml, unzip } from '@pressroom/test-helpers'
import { describe, expect, it } from 'vitest'
import { renderEpub } from '../src/index.js'

describe('right-to-left articles', () => {
  it('set dir, xml:lang/lang and page-progression-direction from the language', async () => {
    const article = await contentArticle('al-marjan-electric-buses')
    expect(article.meta.language).toBe('ar')
    const bytes = await renderEpub(article)
    expect(await epubcheckTs(bytes)).toEqual([])
    const book = await unzip(bytes)
    const opf = parseXml(await book.text('OEBPS/content.opf'))
    const pkg = findAll(opf, (element) => element.local === 'package')[0]
    expect(pkg?.attributes['xml:lang']).toBe('ar')
    expect(pkg?.attributes.dir).toBe('rtl')
    expect(
      findAll(opf, (element) => element.local === 'spine')[0]?.attributes[
        'page-progression-direction'
      ],
    ).toBe('rtl')
    for (const name of book.names.filter((entry) => entry.endsWith('.xhtml'))) {
      const html = findAll(
        parseXml(await book.text(name)),
        (element) => element.local === 'html',
      )[0]
      expect([
        name,
        html?.attributes['xml:lang'],
        html?.attributes.lang,
        html?.attributes.dir,
      ]).toEqual([name, 'ar', 'ar', 'rtl'])
    }
    // UI strings follow the language.
    expect(await book.text('OEBPS/nav.xhtml')).toContain('المحتويات')
    expect(await book.text('OEBPS/title.xhtml')).toContain('بقلم')
    expect(book.names).toContain('OEBPS/images/cover.jpg')
  })

  it('left-to-right articles say ltr and set no page progression', async () => {
    const book = await unzip(await renderEpub(await contentArticle('pakistan-restores-deterrence')))
    const opf = await book.text('OEBPS/content.opf')
    expect(opf).toContain('dir="ltr"')
    expect(opf).not.toContain('page-progression-direction')
  })

  it('embeds Noto Serif and Noto Naskh Arabic on request', async () => {
    const book = await unzip(
      await renderEpub(await contentArticle('al-marjan-electric-buses'), { embedFonts: true }),
    )
    expect(book.names.filter((name) => name.startsWith('OEBPS/fonts/'))).toEqual(
      expect.arrayContaining([
        'OEBPS/fonts/NotoSerif-Regular.ttf',
        'OEBPS/fonts/NotoNaskhArabic-Regular.ttf',
      ]),
    )
    const css = await book.text('OEBPS/style.css')
    expect(css).toContain('font-family: "Noto Naskh Arabic", "Noto Serif", serif;')
    expect(css).not.toContain('!important')
    const latin = await unzip(
      await renderEpub(await contentArticle('pakistan-restores-deterrence'), { embedFonts: true }),
    )
    expect(latin.names.some((name) => name.includes('Naskh'))).toBe(false)
  })
})
