import { describe, expect, test } from 'vitest'
import { toJsonLd, toNinjs, validateNinjs } from '../src/index.js'
import { article, baseUrl } from './helpers.js'

const corrected = `---
title: The harbour wakes before dawn
published: 2024-03-01T05:30:00+01:00
corrections:
  - date: 2024-03-02
    text: An earlier version gave the wrong number of containers.
  - date: 2024-03-03T10:00:00Z
    text: The crane is number 7, not 9 & <b>not</b> 8.
---

The night shift has unloaded 1,200 containers.
`

describe('corrections and versions', () => {
  test('ninjs carries corrections in edNote, descriptions and the HTML body; version from the caller', async () => {
    const doc = toNinjs(await article(corrected), {
      baseUrl,
      revision: { version: 3, versionCreated: '2024-03-03T10:05:00Z' },
    })
    expect(validateNinjs(doc, '3.2')).toEqual([])
    expect(doc.version).toBe('3')
    expect(doc.versionCreated).toBe('2024-03-03T10:05:00Z')
    expect(doc.edNote).toBe(
      'Correction (2024-03-02): An earlier version gave the wrong number of containers.\nCorrection (2024-03-03T10:00:00Z): The crane is number 7, not 9 & <b>not</b> 8.',
    )
    expect(doc.descriptions).toContainEqual({
      role: 'correction',
      contentType: 'text/plain',
      value: '2024-03-02: An earlier version gave the wrong number of containers.',
    })
    const html = (doc.bodies as { contentType: string; value: string }[]).find(
      (body) => body.contentType === 'text/html',
    )?.value
    expect(html).toContain(
      '<p class="correction"><strong>Correction</strong> (<time datetime="2024-03-02">March 2, 2024</time>): An earlier version gave the wrong number of containers.</p>',
    )
    // The text is escaped, never markup.
    expect(html).toContain('not 9 &amp; &lt;b&gt;not&lt;/b&gt; 8.')
    const plain = (doc.bodies as { contentType: string; value: string }[]).find(
      (body) => body.contentType === 'text/plain',
    )?.value
    expect(plain).not.toContain('Correction')
  })

  test('ninjs 2.3 writes the same as version and ednote, valid', async () => {
    const doc = toNinjs(await article(corrected), {
      version: '2.3',
      revision: { version: 2, versionCreated: '2024-03-03T10:05:00Z' },
    })
    expect(validateNinjs(doc, '2.3')).toEqual([])
    expect(doc.version).toBe('2')
    expect(doc.versioncreated).toBe('2024-03-03T10:05:00Z')
    expect(String(doc.ednote)).toContain('Correction (2024-03-02)')
  })

  test('without corrections or revision nothing new is written', async () => {
    const doc = toNinjs(await article('---\ntitle: T\n---\n\nBody.\n'))
    expect(doc.version).toBeUndefined()
    expect(doc.edNote).toBeUndefined()
  })

  test('the notice is labelled and dated in the article’s language', async () => {
    const doc = toNinjs(
      await article(
        '---\ntitle: عنوان\nlanguage: ar\ncorrections:\n  - date: 2024-03-02\n    text: نص التصحيح.\n---\n\nنص المقال.\n',
      ),
    )
    const html = (doc.bodies as { contentType: string; value: string }[])[0].value
    expect(html).toContain('<aside class="corrections" aria-label="تصحيحات">')
    expect(html).toContain('<strong>تصحيح</strong>')
    expect(html).toContain(
      `<time datetime="2024-03-02">${new Intl.DateTimeFormat('ar', { dateStyle: 'long', timeZone: 'UTC' }).format(new Date('2024-03-02T00:00:00Z'))}</time>`,
    )
  })

  test('the label comes from the one table: languages beyond the six built in before (ja, ru)', async () => {
    for (const [language, label, all] of [
      ['ja', '訂正', '訂正'],
      ['ru', 'Исправление', 'Исправления'],
    ]) {
      const doc = toNinjs(
        await article(
          `---\ntitle: T\nlanguage: ${language}\ncorrections:\n  - date: 2024-03-02\n    text: X.\n---\n\nBody.\n`,
        ),
      )
      const html = (doc.bodies as { contentType: string; value: string }[])[0].value
      expect(html).toContain(`<aside class="corrections" aria-label="${all}">`)
      expect(html).toContain(`<strong>${label}</strong>`)
    }
  })

  test('JSON-LD correction as CorrectionComment', async () => {
    const doc = toJsonLd(await article(corrected), { baseUrl })
    expect(doc.correction).toEqual([
      {
        '@type': 'CorrectionComment',
        text: 'An earlier version gave the wrong number of containers.',
        datePublished: '2024-03-02',
      },
      {
        '@type': 'CorrectionComment',
        text: 'The crane is number 7, not 9 & <b>not</b> 8.',
        datePublished: '2024-03-03T10:00:00Z',
      },
    ])
  })
})
