/**
 * Front and back matter: the facts the EPUB shows (kicker, headline, dek, byline, published and
 * updated dates, hero with caption and credit, bio, disclaimer, rights) and the embargo notice.
 */
import path from 'node:path'
import { describe, expect, it } from 'vitest'
import { renderPdf } from '../src/index.js'
import { creditText } from '../src/lib/handlers/figure.js'
import { contentDir, fromMarkdown, load, normalise, run, seedPath, toFile } from './helpers.js'

const text = async (file: string, options = {}) =>
  normalise(
    run('pdftotext', ['-enc', 'UTF-8', toFile(await renderPdf(await load(file), options)), '-']),
  )

describe('front and back matter', { timeout: 60_000 }, () => {
  it('shows the published and updated dates, hero caption and credits with their label once', async () => {
    const out = await text(path.join(contentDir, 'seawater-to-tap-water.md'))
    expect(out).toContain('EXPLAINERS')
    expect(out).toContain('How seawater becomes tap water')
    expect(out).toContain("Port Halvard's new desalination plant now makes half")
    expect(out).toContain('June 12, 2024 · Updated June 14, 2024')
    expect(out).toContain(
      'Its intake pipes run 1.2 kilometres out to sea. Illustration by Pressroom Sample Desk (CC0)',
    )
    expect(out).toContain('Photo illustration: Pressroom Sample Desk')
    expect(out).not.toMatch(/Photo: (Photo|Illustration|Chart)/)
    expect(out).toContain(
      '© Pressroom Sample Desk. Sample content for testing; not for republication.',
    )
  })

  it('prints the bio without repeating the name, the disclaimer and the rights line', async () => {
    const out = await text(seedPath)
    expect(out).toContain('Umar Karim is a doctoral researcher')
    expect(out).not.toContain('Umar Karim Umar Karim')
    expect(out).toMatch(/Views expressed by writers in this section are their own/)
    expect(out).toContain('© Arab News')
  })

  it('prints each correction as a dated notice, labelled in the article language', async () => {
    const corrected = (language: string) => `---
title: The harbour wakes before dawn
language: ${language}
published: 2024-03-01
rights: © Pressroom Sample Desk
corrections:
  - date: 2024-03-02
    text: An earlier version gave the wrong number of containers.
  - date: 2024-03-03T10:00:00Z
    text: The crane is number 7, not 9.
---

The night shift has unloaded 1,200 containers.
`
    const en = normalise(
      run('pdftotext', [
        '-enc',
        'UTF-8',
        toFile(await renderPdf(await fromMarkdown(corrected('en')))),
        '-',
      ]),
    )
    expect(en).toContain(
      'Correction (March 2, 2024): An earlier version gave the wrong number of containers.',
    )
    // A correction with a time: the date and the time in UTC (toolkit `formatDateTime`, as the
    // syndication HTML prints it).
    expect(en).toContain(
      'Correction (March 3, 2024 at 10:00 AM UTC): The crane is number 7, not 9.',
    )
    // Before the rights line, after the body.
    expect(en.indexOf('Correction (March 2')).toBeGreaterThan(en.indexOf('1,200 containers'))
    expect(en.indexOf('Correction (March 2')).toBeLessThan(en.indexOf('© Pressroom Sample Desk'))
    const fr = normalise(
      run('pdftotext', [
        '-enc',
        'UTF-8',
        toFile(await renderPdf(await fromMarkdown(corrected('fr')))),
        '-',
      ]),
    )
    expect(fr).toContain('Correction (2 mars 2024)')
  })

  it('labels a bare credit, and leaves a labelled one as written', () => {
    expect(creditText('Reuters', 'Photo:')).toBe('Photo: Reuters')
    expect(creditText('Photo illustration: Desk', 'Photo:')).toBe('Photo illustration: Desk')
    expect(creditText('Chart: Desk', 'Photo:')).toBe('Chart: Desk')
    expect(creditText('Illustration by Desk', 'Photo:')).toBe('Illustration by Desk')
  })

  it('carries an embargo notice on a copy rendered before the embargo, none after', async () => {
    const file = path.join(contentDir, 'halvard-council-vote-embargoed.md')
    const held = await text(file, { now: new Date('2029-12-01T00:00:00Z') })
    expect(held).toContain(
      'EMBARGOED: NOT FOR PUBLICATION BEFORE JANUARY 15, 2030 06:00 (UTC+03:00)',
    )
    expect(await text(file)).toContain('EMBARGOED')
    const after = await text(file, { now: new Date('2030-01-15T03:00:00Z') })
    expect(after).not.toContain('EMBARGOED')
    expect(after).toContain('Port Halvard council to vote')
  })

  it('tags the notices and matter as paragraphs, running heads and folios as artifacts', async () => {
    const article = await fromMarkdown(
      `---\ntitle: Long\nsection: City\nrights: © Desk\n---\n\n${'Some words in a row. '.repeat(900)}\n`,
    )
    const file = toFile(await renderPdf(article))
    const tagged = run('pdfinfo', ['-struct-text', file])
    expect(tagged).toContain('© Desk')
    // The folio ("Page 2 of N") and the running head are on the page, not in the structure.
    expect(run('pdftotext', ['-f', '2', '-l', '2', file, '-'])).toMatch(/Page 2 of \d/)
    expect(tagged).not.toMatch(/Page 2 of/)
    expect(tagged).not.toMatch(/Pressroom Sample Desk · City/)
  })
})
