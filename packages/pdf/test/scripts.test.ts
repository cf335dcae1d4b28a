/**
 * Scripts beyond Latin and Arabic: Chinese (Simplified and Traditional), Japanese, Korean, Hindi
 * and emoji print in embedded fallback faces, with no missing glyph, and the text layer reads
 * them back. Han and kana, set without spaces, break between characters inside the margins.
 */
import { readFileSync } from 'node:fs'
import { fileURLToPath } from 'node:url'
import { contentMarkdown, output, toFile } from '@pressroom/test-helpers'
import type { VFileMessage } from 'vfile-message'
import { describe, expect, it } from 'vitest'
import { renderPdf } from '../src/index.js'
import { resolveOptions } from '../src/lib/options.js'
import { textLines, wordsOutside } from './layout.js'

const fixture = fileURLToPath(
  new URL('../../../tests/fixtures/pdf/scripts-mixed.md', import.meta.url),
)

describe('scripts in fallback faces', { timeout: 120_000 }, async () => {
  const article = await contentMarkdown(readFileSync(fixture, 'utf8'))
  const messages: VFileMessage[] = []
  const file = toFile(await renderPdf(article, { report: (m) => messages.push(m) }))
  const text = output('pdftotext', ['-enc', 'UTF-8', file, '-']).replace(/\s+/g, '')

  it('reports no missing glyph', () => {
    expect(messages.map((m) => `${m.ruleId}: ${m.reason}`)).toEqual([])
  })

  it('embeds a subset of each fallback face', () => {
    const fonts = output('pdffonts', [file])
    for (const name of ['NotoSansSC', 'NanumMyeongjo', 'NotoSerifDevanagari', 'NotoEmoji']) {
      const line = fonts.split('\n').find((l) => l.includes(name))
      expect(line, name).toBeDefined()
      // emb sub uni: yes yes yes
      expect(line, name).toMatch(/yes\s+yes\s+yes/)
    }
  })

  it.each([
    ['Simplified Chinese', '北京市政府周三宣布'],
    ['Traditional Chinese', '臺灣的研究人員發現'],
    ['Japanese', 'ひらがなとカタカナ、そして漢字が混ざった文章です。'],
    ['Korean', '서울시는수요일'],
    ['Hindi', 'मुंबईनगरनिगमनेबुधवारकोघोषणा'],
    ['emoji', '🎉'],
    ['bold Han, Hangul and Devanagari', '北京東京서울मुंबई'],
  ])('the text layer reads back %s', (_name, sample) => {
    // pdftotext joins a line-broken Han sentence without a space; compare without whitespace.
    expect(text).toContain(sample)
  })

  it('breaks Han and kana lines between characters, within the margins', async () => {
    for (const layout of ['two-column', 'one-column'] as const) {
      const { margins } = resolveOptions({ layout }, 'en', 'ltr')
      const { pages, lines } = textLines(toFile(await renderPdf(article, { layout })))
      expect(wordsOutside(pages, lines, margins)).toEqual([])
    }
  })
})
