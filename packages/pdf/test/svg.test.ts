/**
 * SVG images (kept by the reader, sanitised) are drawn as vectors with svg-to-pdfkit, not as the
 * PNG the reader also made: no raster image on the page, the strokes and text in the content
 * stream, the SVG's text in the embedded serif and readable by pdftotext.
 */
import { mkdirSync, mkdtempSync, writeFileSync } from 'node:fs'
import { tmpdir } from 'node:os'
import path from 'node:path'
import { loadConfig, readArticle } from '@pressroom/article'
import { output, toFile } from '@pressroom/test-helpers'
import type { VFileMessage } from 'vfile-message'
import { describe, expect, it } from 'vitest'
import { renderPdf } from '../src/index.js'

const svg = `<svg xmlns="http://www.w3.org/2000/svg" width="300" height="160" viewBox="0 0 300 160">
<rect width="300" height="160" fill="#ffffff"/>
<polyline points="10,150 80,120 150,90 220,60 290,20" fill="none" stroke="#c62828" stroke-width="4"/>
<text x="20" y="30" font-family="serif" font-size="16">Riders per day</text>
<script>alert("never")</script>
</svg>`

describe('SVG images', { timeout: 60_000 }, async () => {
  const dir = mkdtempSync(path.join(tmpdir(), 'pressroom-svg-'))
  mkdirSync(path.join(dir, 'images'))
  writeFileSync(path.join(dir, 'images', 'chart.svg'), svg)
  writeFileSync(path.join(dir, 'pressroom.yaml'), 'publisher: Test Desk\nlanguage: en\n')
  const file = path.join(dir, 'chart.md')
  writeFileSync(
    file,
    '---\ntitle: A chart\ndate: 2026-11-20\n---\n\nThe chart:\n\n![Riders per day, rising](images/chart.svg "Ridership")\n',
  )
  const { config } = await loadConfig(dir)
  const article = await readArticle(file, { config })
  const messages: VFileMessage[] = []
  const pdf = toFile(await renderPdf(article, { report: (m) => messages.push(m) }))

  it('the reader kept the sanitised SVG beside its PNG', () => {
    const entry = article.images.find((i) => i.src === 'images/chart.svg')
    expect(entry?.original?.mediaType).toBe('image/svg+xml')
    expect(entry?.original?.bytes).toBeDefined()
  })

  it('draws no raster image: the chart is vectors', () => {
    expect(messages.filter((m) => m.ruleId?.startsWith('image'))).toEqual([])
    const images = output('pdfimages', ['-list', pdf]).trim().split('\n').slice(2)
    expect(images).toEqual([])
    const qdf = toFile(new Uint8Array())
    output('qpdf', ['--qdf', '--object-streams=disable', pdf, qdf])
    // The polyline's stroke colour (#c62828), set as a stroke colour in the content stream.
    expect(output('cat', [qdf])).toMatch(/0\.776\d* 0\.156\d* 0\.156\d* SCN/)
  })

  it('sets the SVG text in the embedded serif, readable as text', () => {
    expect(output('pdftotext', [pdf, '-'])).toContain('Riders per day')
    for (const line of output('pdffonts', [pdf]).split('\n').slice(2).filter(Boolean))
      expect(line).toMatch(/yes\s+yes\s+yes/)
    expect(output('qpdf', ['--check', pdf])).toContain('No syntax or stream encoding errors')
  })
})
