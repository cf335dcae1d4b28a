import { readFileSync } from 'node:fs'
import { describe, expect, it } from 'vitest'
import { parseFormats } from '../src/lib/build.js'
import { Collector } from '../src/lib/collections.js'
import { formatNames, formats, getFormat, renditionsOf } from '../src/lib/formats.js'

describe('the format table', () => {
  it('declares for every entry what it needs, its main output and media type, and its cache key', () => {
    for (const format of formats) {
      expect(format.needs, format.name).toBeTypeOf('object')
      expect(Array.isArray(format.key), format.name).toBe(true)
      expect(format.output.contentType, format.name).toMatch(/^[a-z]+\/[\w.+-]+$/)
      expect(format.output.path('story'), format.name).toBeTypeOf('string')
      if (format.scope === 'collection') expect(format.assemble, format.name).toBeTypeOf('function')
      else expect(format.render, format.name).toBeTypeOf('function')
    }
  })

  it('keeps formats that need renditions after the renditions', () => {
    const position = (name: string) => formats.findIndex((format) => format.name === name)
    const renditions = formats.filter((f) => f.scope === 'article' && f.rendition)
    expect(renditions.map((f) => f.name)).toEqual(['epub', 'pdf'])
    for (const format of formats.filter((f) => f.needs.renditions))
      for (const rendition of renditions)
        expect(position(format.name), format.name).toBeGreaterThan(position(rendition.name))
  })

  it('gives the built renditions with the media types the table declares', () => {
    expect(
      renditionsOf([
        { format: 'ast', outputs: [{ path: 's/s.ast.json', sizeInBytes: 3 }] },
        { format: 'epub', outputs: [{ path: 's/s.epub', sizeInBytes: 10 }] },
        { format: 'pdf', outputs: [] },
      ]),
    ).toEqual([
      { name: 'epub', path: 's/s.epub', contentType: 'application/epub+zip', sizeInBytes: 10 },
    ])
  })

  it('chooses the bundle by its option, never by --format', () => {
    expect(getFormat('bundle')?.scope).toBe('collection')
    expect(formatNames).not.toContain('bundle')
    expect(() => parseFormats('bundle')).toThrow(/Unknown format `bundle`/)
    expect(parseFormats('html')).toEqual(['html', 'html-index'])
  })

  // The table is the one place that knows formats: the build, the cache, collections, publish and
  // status name none and carry no media type of their own.
  it.each(['build.ts', 'build-article.ts', 'collections.ts', 'publish.ts', 'status.ts'])(
    '%s names no format and no media type',
    (file) => {
      const source = readFileSync(new URL(`../src/lib/${file}`, import.meta.url), 'utf8')
      const names = formats.map((format) => format.name)
      const quoted = source.match(/'[\w-]+'/g) ?? []
      expect(quoted.filter((word) => names.includes(word.slice(1, -1)))).toEqual([])
      expect(source.match(/(application|text|image)\/[\w.+-]+/g) ?? []).toEqual([
        // An image of unknown type in a delivery (not a format's).
        ...(file === 'publish.ts' ? ['application/octet-stream'] : []),
      ])
    },
  )
})

// Which article may be public or go to a partner is syndication's publish gate: the CLI compares no
// embargo with the clock and tests no status for it.
it.each(['formats.ts', 'build-article.ts', 'held.ts', 'publish.ts', 'collections.ts', 'build.ts'])(
  '%s leaves the publish gate to syndication',
  (file) => {
    const source = readFileSync(new URL(`../src/lib/${file}`, import.meta.url), 'utf8')
    expect(source).not.toMatch(
      /embargo\??\.epochMs|'usable'|'withheld'|partner\.(embargoed|withheld|canceled)/,
    )
  },
)

describe('collections keep their entries', () => {
  it('in the order the articles were given, only those that built, when the format has no keep', async () => {
    const collector = new Collector(0)
    collector.add({ bundle: 'c' }, 2, 'c.md')
    collector.add({ bundle: 'a' }, 0, 'a.md')
    collector.add({ bundle: 'b' }, 1, 'b.md')
    await collector.done()
    expect(collector.entries('bundle', new Set(['a.md', 'b.md', 'c.md']))).toEqual(['a', 'b', 'c'])
    expect(collector.entries('bundle', new Set(['c.md', 'a.md']))).toEqual(['a', 'c'])
  })
})
