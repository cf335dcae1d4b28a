import { contentArticle, findAll, parseXml, unzip, type XmlElement } from '@pressroom/test-helpers'
import { describe, expect, it } from 'vitest'
import { renderEpub } from '../src/index.js'

const DC = 'http://purl.org/dc/elements/1.1/'

async function opfOf(bytes: Uint8Array): Promise<XmlElement> {
  return parseXml(await (await unzip(bytes)).text('OEBPS/content.opf'))
}

function dc(opf: XmlElement, local: string): string[] {
  return findAll(opf, (element) => element.uri === DC && element.local === local).map(
    (element) => element.text,
  )
}

function metas(opf: XmlElement, property: string): string[] {
  return findAll(
    opf,
    (element) => element.local === 'meta' && element.attributes.property === property,
  ).map((element) => element.text)
}

describe('package metadata', () => {
  it('comes from the article: identifier, title, creators with role aut, dates, subjects, rights', async () => {
    const article = await contentArticle('seawater-to-tap-water')
    const opf = await opfOf(await renderEpub(article))
    const pkg = findAll(opf, (element) => element.local === 'package')[0]
    expect(pkg?.attributes['unique-identifier']).toBe('pub-id')
    expect(pkg?.attributes['xml:lang']).toBe('en')
    const identifier = findAll(opf, (element) => element.local === 'identifier')[0]
    expect(identifier?.attributes.id).toBe('pub-id')
    expect(identifier?.text).toBe(article.meta.id)
    expect(dc(opf, 'title')).toEqual([article.meta.title])
    expect(dc(opf, 'language')).toEqual(['en'])
    expect(dc(opf, 'creator')).toEqual(article.meta.authors.map((author) => author.name))
    const creators = findAll(opf, (element) => element.uri === DC && element.local === 'creator')
    for (const creator of creators) {
      const role = findAll(
        opf,
        (element) =>
          element.attributes.refines === `#${creator.attributes.id}` &&
          element.attributes.property === 'role',
      )
      expect(role.map((element) => [element.text, element.attributes.scheme])).toEqual([
        ['aut', 'marc:relators'],
      ])
    }
    // dcterms:modified from `updated`, in UTC, no clock.
    expect(article.meta.updated).toBeDefined()
    expect(metas(opf, 'dcterms:modified')).toEqual([
      new Date(article.meta.updated?.epochMs ?? 0).toISOString().replace(/\.\d{3}Z$/, 'Z'),
    ])
    expect(dc(opf, 'date')).toEqual([article.meta.published?.dateTime])
    expect(dc(opf, 'description')[0]).toBe(article.meta.summary)
    expect(dc(opf, 'subject')).toEqual([article.meta.section, ...article.meta.tags])
    expect(dc(opf, 'rights')).toEqual([article.meta.rights])
    expect(dc(opf, 'publisher')).toEqual([article.meta.publisher?.name])
  })

  it('declares accessibility metadata that is true of the book', async () => {
    const opf = await opfOf(await renderEpub(await contentArticle('seawater-to-tap-water')))
    expect(metas(opf, 'schema:accessMode').sort()).toEqual(['textual', 'visual'])
    expect(metas(opf, 'schema:accessModeSufficient')).toContain('textual')
    const features = metas(opf, 'schema:accessibilityFeature')
    for (const feature of [
      'tableOfContents',
      'readingOrder',
      'structuralNavigation',
      'alternativeText',
    ])
      expect(features).toContain(feature)
    expect(metas(opf, 'schema:accessibilityHazard')).toEqual(['none'])
    expect(metas(opf, 'schema:accessibilitySummary')[0]).toMatch(
      /Every image has a text alternative/,
    )
    const conformsTo = findAll(
      opf,
      (element) => element.local === 'link' && element.attributes.rel === 'dcterms:conformsTo',
    )
    // EPUB Accessibility 1.1's statement, and the same claim as 1.0 named it (for older checkers).
    expect(metas(opf, 'dcterms:conformsTo')).toEqual(['EPUB Accessibility 1.1 - WCAG 2.1 Level AA'])
    expect(conformsTo.map((element) => element.attributes.href)).toEqual([
      'http://www.idpf.org/epub/a11y/accessibility-20170105.html#wcag-aa',
    ])
    // Self-declared: no certifier or evaluation fields, which would claim a third party's review.
    const opfText = await (
      await unzip(await renderEpub(await contentArticle('seawater-to-tap-water')))
    ).text('OEBPS/content.opf')
    expect(opfText).not.toMatch(/a11y:certifiedBy|a11y:certifierCredential|a11y:certifierReport/)
    expect(metas(opf, 'schema:accessibilitySummary')[0]).toContain('not certified')
  })

  it('claims no conformance and no alternativeText when an image lacks alt text', async () => {
    const article = structuredClone(await contentArticle('seawater-to-tap-water'))
    const strip = (node: { type: string; alt?: string; children?: unknown[] }): void => {
      if (node.type === 'image') node.alt = ''
      for (const child of node.children ?? []) strip(child as typeof node)
    }
    strip(article.tree as unknown as { type: string; children?: unknown[] })
    const opf = await opfOf(await renderEpub(article))
    expect(metas(opf, 'schema:accessibilityFeature')).not.toContain('alternativeText')
    expect(metas(opf, 'schema:accessModeSufficient')).not.toContain('textual')
    expect(
      findAll(
        opf,
        (element) => element.local === 'link' && element.attributes.rel === 'dcterms:conformsTo',
      ),
    ).toEqual([])
    expect(metas(opf, 'dcterms:conformsTo')).toEqual([])
  })

  it('dates dcterms:modified from updated, else published, else embargo', async () => {
    const article = structuredClone(await contentArticle('pakistan-restores-deterrence'))
    const modified = async () => metas(await opfOf(await renderEpub(article)), 'dcterms:modified')
    article.meta.updated = undefined
    expect(await modified()).toEqual([
      new Date(article.meta.published?.epochMs ?? 0).toISOString().replace('.000', ''),
    ])
    const embargo = await contentArticle('halvard-council-vote-embargoed')
    article.meta.published = undefined
    article.meta.embargo = embargo.meta.embargo
    expect(embargo.meta.embargo).toBeDefined()
    expect(await modified()).toEqual([
      new Date(embargo.meta.embargo?.epochMs ?? 0).toISOString().replace('.000', ''),
    ])
  })

  it('an undated article: the `modified` option, else 1980-01-01 ("no date") with a warning; a description even without a summary', async () => {
    const article = structuredClone(await contentArticle('pakistan-restores-deterrence'))
    article.meta.published = undefined
    article.meta.updated = undefined
    article.meta.embargo = undefined
    article.meta.summary = undefined
    const messages: string[] = []
    const opf = await opfOf(
      await renderEpub(article, { report: (message) => messages.push(String(message.ruleId)) }),
    )
    expect(metas(opf, 'dcterms:modified')).toEqual(['1980-01-01T00:00:00Z'])
    expect(messages).toEqual(['epub-undated'])
    expect(dc(opf, 'date')).toEqual([])
    expect(dc(opf, 'description')[0]?.length).toBeGreaterThan(50)
    const given = await opfOf(
      await renderEpub(article, { modified: '2024-05-06T07:08:09.500+02:00' }),
    )
    expect(metas(given, 'dcterms:modified')).toEqual(['2024-05-06T05:08:09Z'])
  })

  it('takes an identifier override', async () => {
    const opf = await opfOf(
      await renderEpub(await contentArticle('pakistan-restores-deterrence'), {
        identifier: 'urn:isbn:9780000000002',
      }),
    )
    expect(findAll(opf, (element) => element.local === 'identifier')[0]?.text).toBe(
      'urn:isbn:9780000000002',
    )
  })
})
