/**
 * In-page links: `[text](#id)` is a GoTo action to a named destination placed at the heading with
 * that id (the reader's ids: `{#id}` where written, GitHub's slug otherwise), read back with qpdf.
 */

import { contentMarkdown, output, toFile } from '@pressroom/test-helpers'
import { describe, expect, it } from 'vitest'
import { renderPdf } from '../src/index.js'

type Objects = Record<string, { value?: Record<string, unknown> }>

function objects(file: string): Objects {
  const json = JSON.parse(output('qpdf', ['--json=2', '--json-key=qpdf', file])) as {
    qpdf: [unknown, Objects]
  }
  return json.qpdf[1]
}

/** Resolve `"12 0 R"` references. */
function deref(all: Objects, value: unknown): unknown {
  return typeof value === 'string' && / 0 R$/.test(value) ? all[`obj:${value}`]?.value : value
}

describe('in-page links', { timeout: 60_000 }, async () => {
  const article = await contentMarkdown(
    [
      '---',
      'title: Links inside',
      'language: en',
      '---',
      '',
      'Read [the background](#background) first, then [the costs](#costs-and-power) and the',
      '[site](https://example.com/).',
      '',
      ...Array.from(
        { length: 80 },
        (_, i) =>
          `Filler paragraph ${i} with enough words to fill a page of text, again and again and again.\n`,
      ),
      '## Background {#background}',
      '',
      'Text.',
      '',
      '## Costs and power',
      '',
      'More text.',
      '',
    ].join('\n'),
  )
  const file = toFile(await renderPdf(article))
  const all = objects(file)
  const values = Object.values(all).map((o) => o.value)
  const pages = values.find((v) => v?.['/Type'] === '/Pages')!
  const pageRefs = pages['/Kids'] as string[]

  it('passes qpdf --check', () => {
    expect(output('qpdf', ['--check', file])).toContain('No syntax or stream encoding errors')
  })

  it('names a destination at each heading, on the page the heading is on', () => {
    const catalog = values.find((v) => v?.['/Type'] === '/Catalog')!
    const names = deref(all, catalog['/Names']) as Record<string, unknown>
    const dests = deref(all, names['/Dests']) as { '/Names': unknown[] }
    const list = dests['/Names']
    const byName = new Map<string, unknown[]>()
    for (let i = 0; i < list.length; i += 2)
      byName.set(String(list[i]).replace(/^u:/, ''), deref(all, list[i + 1]) as unknown[])
    expect([...byName.keys()].sort()).toEqual(['background', 'costs-and-power'])
    for (const dest of byName.values()) {
      expect(pageRefs).toContain(dest[0])
      expect(dest[1]).toBe('/XYZ')
    }
    // The filler pushes the headings past the first page.
    expect(byName.get('background')![0]).not.toBe(pageRefs[0])
  })

  it('makes the #id links GoTo actions to those names and keeps the URL a URI', () => {
    const actions = values
      .filter((v) => v?.['/Subtype'] === '/Link')
      .map((v) => deref(all, v!['/A']) as Record<string, string>)
    const goTo = actions.filter((a) => a['/S'] === '/GoTo').map((a) => a['/D'].replace(/^u:/, ''))
    expect(goTo.sort()).toEqual(['background', 'costs-and-power'])
    const uri = actions.filter((a) => a['/S'] === '/URI').map((a) => a['/URI'].replace(/^u:/, ''))
    expect(uri).toEqual(['https://example.com/'])
  })
})
