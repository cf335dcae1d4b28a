/**
 * The CLI passes the PDF page design from pressroom.yaml (`pdf: { layout }`) and the embargo
 * moment (`--now`) to the PDF writer; a mistyped layout is a warning, not a failed build.
 */
import { existsSync, readFileSync, writeFileSync } from 'node:fs'
import path from 'node:path'
import { pressroom, temp, tool } from '@pressroom/test-helpers'
import { describe, expect, it } from 'vitest'

const article = `---
title: Layout from the publication file
published: 2024-03-01
embargo: 2030-01-15T06:00:00+03:00
language: en
---

${Array.from({ length: 12 }, () => 'The water board says the plant will double its output within five years, and the council will vote on the second stage on Thursday after a long debate about costs.').join(' ')}
`

/** Build the article with this pressroom.yaml: the column width, the text and stderr. */
function build(yaml: string, now: string): { width: number; text: string; stderr: string } {
  const dir = temp()
  writeFileSync(path.join(dir, 'pressroom.yaml'), yaml)
  writeFileSync(path.join(dir, 'layout.md'), article)
  const out = temp()
  const run = pressroom(['build', dir, '--out', out, '--format', 'pdf', '--now', now])
  expect(run.status, run.stderr).toBe(0)
  // Before its embargo the article is held out of the public output (`.held/`), printed all the same.
  const pdf = [
    path.join(out, 'layout', 'layout.pdf'),
    path.join(out, '.held', 'layout', 'layout.pdf'),
  ].find((file) => existsSync(file)) as string
  expect(readFileSync(pdf).subarray(0, 5).toString()).toBe('%PDF-')
  const xml = tool('pdftotext', ['-bbox-layout', pdf, '-']).stdout
  const widths = [...xml.matchAll(/<line xMin="([\d.]+)" yMin="[\d.]+" xMax="([\d.]+)"/g)].map(
    (m) => Number(m[2]) - Number(m[1]),
  )
  // The column's width: the most common width of a line (justified body lines).
  const counts = new Map<number, number>()
  for (const w of widths) counts.set(Math.round(w), (counts.get(Math.round(w)) ?? 0) + 1)
  const width = [...counts].sort((a, b) => b[1] - a[1])[0][0]
  return {
    width,
    text: tool('pdftotext', [pdf, '-']).stdout,
    stderr: run.stderr,
  }
}

describe('pressroom build: PDF options from pressroom.yaml', { timeout: 180_000 }, () => {
  it('two columns by default, one column with pdf.layout: one-column', () => {
    const two = build('language: en\n', '2029-01-01T00:00:00Z')
    const one = build('language: en\npdf:\n  layout: one-column\n', '2029-01-01T00:00:00Z')
    expect(two.width).toBeGreaterThan(240)
    expect(two.width).toBeLessThan(260)
    expect(one.width).toBeGreaterThan(320)
    expect(one.width).toBeLessThan(345)
  })

  it('reports a mistyped layout once and builds with the default', () => {
    const typo = build('language: en\npdf:\n  layout: three-column\n', '2029-01-01T00:00:00Z')
    expect(typo.stderr.match(/Unknown PDF layout `three-column`/g)).toHaveLength(1)
    expect(typo.width).toBeLessThan(260)
  })

  it('prints the embargo notice before the embargo (--now), not after', () => {
    expect(build('language: en\n', '2029-01-01T00:00:00Z').text).toContain('EMBARGOED')
    expect(build('language: en\n', '2031-01-01T00:00:00Z').text).not.toContain('EMBARGOED')
  })
})
