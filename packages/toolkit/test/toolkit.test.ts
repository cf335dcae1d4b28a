import { describe, expect, it } from 'vitest'
import {
  absoluteUrl,
  escapeXml,
  fillLabel,
  fontBytes,
  fontFaces,
  fontKeys,
  formatDate,
  formatDateTime,
  joinNames,
  labelLanguages,
  labelsFor,
  labelTable,
  numericEntities,
  safeUrl,
  uniqueMessages,
} from '../src/index.js'

describe('labels', () => {
  const keys = Object.keys(labelTable.en ?? {}).sort()

  it('has every label in every language we ship, none empty, none left in English by mistake', () => {
    expect(labelLanguages).toEqual(
      expect.arrayContaining([
        'en',
        'ar',
        'ur',
        'fa',
        'fr',
        'de',
        'es',
        'ru',
        'el',
        'hi',
        'zh',
        'ja',
        'ko',
      ]),
    )
    for (const language of labelLanguages) {
      const labels = labelTable[language] ?? {}
      expect({ language, keys: Object.keys(labels).sort() }).toEqual({ language, keys })
      for (const [key, value] of Object.entries(labels)) {
        expect({ language, key, value: value.trim().length > 0 }).toEqual({
          language,
          key,
          value: true,
        })
      }
      if (language !== 'en') {
        // Non-Latin scripts: a label identical to the English one is an untranslated copy.
        const script = /^(ar|ur|fa|ru|el|hi|zh|ja|ko)$/.test(language)
        if (script) {
          for (const key of keys) {
            expect({
              language,
              key,
              same:
                labels[key as keyof typeof labels] === labelTable.en?.[key as keyof typeof labels],
            }).toEqual({ language, key, same: false })
          }
        }
      }
    }
  })

  it('keeps the placeholders of every label in every language', () => {
    for (const language of labelLanguages) {
      const labels = labelTable[language] ?? {}
      expect(labels.page).toContain('{page}')
      expect(labels.page).toContain('{pages}')
      expect(labels.articleCount).toContain('{count}')
      expect(labels.embargo).toContain('{date}')
    }
  })

  it('picks the language by primary subtag, falls back to English, and applies overrides', () => {
    expect(labelsFor('fr-CA').aboutTheAuthor).toBe('À propos de l’auteur')
    expect(labelsFor('zh_Hant').contents).toBe('目录')
    expect(labelsFor('sw').contents).toBe('Contents')
    expect(labelsFor('en', { by: 'Words by' }).by).toBe('Words by')
    expect(labelsFor('en', { by: undefined as unknown as string }).by).toBe('By')
    expect(fillLabel(labelsFor('de').page, { page: 2, pages: 7 })).toBe('Seite 2 von 7')
  })
})

describe('escaping', () => {
  it('escapes the five characters and drops what XML forbids', () => {
    expect(escapeXml(`a & <b> "c" 'd'\u0000\uFFFE`)).toBe(
      'a &amp; &lt;b&gt; &quot;c&quot; &#39;d&#39;',
    )
    expect(numericEntities('&amp;&lt;&gt;&quot;&apos;&nbsp;')).toBe(
      '&#38;&#60;&#62;&#34;&#39;&nbsp;',
    )
  })
})

describe('the URL policy', () => {
  it('allows the same schemes for links everywhere, fewer for images', () => {
    expect(safeUrl('https://example.com/a b')).toBe('https://example.com/a%20b')
    expect(safeUrl('mailto:desk@example.com')).toBe('mailto:desk@example.com')
    expect(safeUrl('tel:+441234')).toBe('tel:+441234')
    expect(safeUrl('#note-1')).toBe('#note-1')
    expect(safeUrl('../x.html')).toBe('../x.html')
    for (const bad of [
      'javascript:alert(1)',
      'JaVaScRiPt:x',
      'jav\tascript:x',
      'java\u0000script:x',
      'data:text/html,x',
      'vbscript:x',
      'file:///etc/passwd',
    ]) {
      expect({ bad, url: safeUrl(bad) }).toEqual({ bad, url: undefined })
    }
    expect(safeUrl('mailto:x@example.com', 'image')).toBeUndefined()
    expect(safeUrl('https://example.com/a.png', 'image')).toBe('https://example.com/a.png')
  })

  it('requires absolute http(s) where there is no base, people links only when asked', () => {
    expect(absoluteUrl('https://example.com/x')).toBe('https://example.com/x')
    expect(absoluteUrl('/relative')).toBeUndefined()
    expect(absoluteUrl('javascript:alert(1)')).toBeUndefined()
    expect(absoluteUrl('mailto:a@example.com')).toBeUndefined()
    expect(absoluteUrl('mailto:a@example.com', { people: true })).toBe('mailto:a@example.com')
  })
})

describe('dates and names', () => {
  const day = {
    date: '2024-01-20',
    dateTime: '2024-01-20T00:00:00Z',
    dateOnly: true,
    epochMs: Date.UTC(2024, 0, 20),
  }
  it('formats the calendar day in the language, whatever the time zone', () => {
    expect(formatDate(day as never, 'en')).toBe('January 20, 2024')
    expect(formatDate(day as never, 'en-GB')).toBe('20 January 2024')
    expect(formatDate(day as never, 'fr')).toBe('20 janvier 2024')
    const moment = {
      date: '2024-01-20',
      dateTime: '2024-01-20T14:05:00Z',
      dateOnly: false,
      epochMs: Date.UTC(2024, 0, 20, 14, 5),
    }
    expect(formatDateTime(moment as never, 'en-GB')).toMatch(/20 January 2024.*14:05.*UTC/)
    expect(formatDateTime(day as never, 'en-GB')).toBe('20 January 2024')
  })

  it('joins names with one serial-comma rule, the language’s', () => {
    expect(joinNames([], 'en')).toBe('')
    expect(joinNames(['A'], 'en')).toBe('A')
    expect(joinNames(['A', 'B'], 'en')).toBe('A and B')
    expect(joinNames(['A', 'B', 'C'], 'en')).toBe('A, B, and C')
    expect(joinNames(['A', 'B', 'C'], 'fr')).toBe('A, B et C')
  })
})

describe('messages', () => {
  it('keeps each problem once, in order: same place and rule, in other words, is the same problem', () => {
    const a = { reason: 'Image missing', file: 'x.md', line: 3, column: 1, ruleId: 'image' }
    const b = { reason: 'Other', file: 'x.md', line: 4, column: 1, ruleId: 'x' }
    const reworded = { ...a, reason: 'Image left out of the EPUB' }
    const fatal = { ...a, fatal: true }
    const placeless = { reason: 'No base URL' }
    expect(uniqueMessages([a, b, reworded, fatal, placeless, { ...placeless }])).toEqual([
      a,
      b,
      fatal,
      placeless,
    ])
  })
})

describe('fonts', () => {
  it('reads every registered face from its package, once', () => {
    for (const key of fontKeys) {
      const bytes = fontBytes(key)
      expect({ key, size: bytes.byteLength > 10_000 }).toEqual({ key, size: true })
      expect(fontBytes(key)).toBe(bytes)
      expect(fontFaces[key].file).toMatch(/\.ttf$/)
    }
  })
})

describe('escaping by context', () => {
  it('escapes what each context needs, with the same entities', async () => {
    const { escapeXmlAttribute, escapeXmlText } = await import('../src/index.js')
    expect(escapeXmlText(`a & <b> "c" ]]>\u0001`)).toBe('a &amp; &lt;b&gt; "c" ]]&gt;')
    expect(escapeXmlAttribute(`a & <b> "c" 'd'`)).toBe("a &amp; &lt;b&gt; &quot;c&quot; 'd'")
  })
})
