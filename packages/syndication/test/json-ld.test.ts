import { describe, expect, test } from 'vitest'
import { safeJsonForScript, toJsonLd, toJsonLdScript } from '../src/index.js'
import { fullArticle, minimalArticle } from './harbour.js'

describe('toJsonLd', () => {
  test('a schema.org NewsArticle with the article’s metadata', async () => {
    const doc = toJsonLd(await fullArticle(), {
      publisherLogo: 'https://news.example.org/logo.png',
    })
    expect(doc).toEqual({
      '@context': 'https://schema.org',
      '@type': 'NewsArticle',
      '@id': 'https://news.example.org/articles/harbour',
      identifier: 'https://news.example.org/articles/harbour',
      headline: 'The harbour wakes before dawn',
      alternativeHeadline: 'How Port Halvard’s night shift keeps the city fed',
      description: 'At four in the morning the cranes are already moving.',
      image: ['https://news.example.org/articles/images/hero%20image.png'],
      datePublished: '2024-03-01T05:30:00+01:00',
      dateModified: '2024-03-02T09:00:00+01:00',
      author: [
        {
          '@type': 'Person',
          name: 'Ada Lund',
          url: 'https://ada.example.org/',
          sameAs: ['https://x.com/adalund'],
        },
        { '@type': 'Person', name: 'Omar Said' },
      ],
      publisher: {
        '@type': 'Organization',
        name: 'Harbour Desk',
        url: 'https://news.example.org/',
        logo: { '@type': 'ImageObject', url: 'https://news.example.org/logo.png' },
      },
      inLanguage: 'en',
      articleSection: 'City',
      keywords: ['Harbour', 'Night shift', 'Logistics'],
      wordCount: expect.any(Number),
      // The body as the reader's plain text: nothing the author wrote is missing from the JSON-LD.
      articleBody:
        'At four in the morning the cranes are already moving. The night shift has unloaded 1,200 containers.\n\nRead the port authority’s report for figures.',
      url: 'https://news.example.org/articles/harbour-wakes',
      mainEntityOfPage: {
        '@type': 'WebPage',
        '@id': 'https://news.example.org/articles/harbour-wakes',
      },
      isAccessibleForFree: true,
      copyrightNotice: '© Harbour Desk',
      copyrightHolder: { '@type': 'Organization', name: 'Harbour Desk' },
      copyrightYear: 2024,
    })
  })

  test('a minimal article', async () => {
    const doc = toJsonLd(await minimalArticle(), { isAccessibleForFree: false })
    expect(doc.headline).toBe('Short')
    expect(doc.isAccessibleForFree).toBe(false)
    expect(doc).not.toHaveProperty('author')
  })
})

describe('toJsonLdScript', () => {
  test('`</script>` and `<!--` in the text cannot end the element', async () => {
    const a = await fullArticle()
    a.meta.title = 'Breaking </script><script>alert(1)</script> <!-- & more \u2028'
    const script = toJsonLdScript(a)
    expect(script.startsWith('<script type="application/ld+json">')).toBe(true)
    expect(script.endsWith('</script>')).toBe(true)
    const inner = script.slice('<script type="application/ld+json">'.length, -'</script>'.length)
    expect(inner).not.toMatch(/[<>&\u2028\u2029]/)
    expect(inner).toContain('\\u003c/script\\u003e')
    // The JSON value is unchanged.
    expect(JSON.parse(inner).headline).toBe(a.meta.title)
  })

  test('safeJsonForScript round-trips', () => {
    const value = { a: '</script>', b: ['<!--', '&amp;'] }
    expect(JSON.parse(safeJsonForScript(value))).toEqual(value)
  })
})
