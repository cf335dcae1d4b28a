/**
 * The author's `<dl>` (a descriptionList from the reader): terms in bold on their own lines, kept
 * with their descriptions, which are set in below them; tagged L > LI > Lbl + LBody.
 */
import { normalise, output, parsed, toFile } from '@pressroom/test-helpers'
import type { VFileMessage } from 'vfile-message'
import { describe, expect, it } from 'vitest'
import { renderPdf } from '../src/index.js'
import { textLines } from './layout.js'

const dl = [
  '<dl>',
  '  <dt>Reefer</dt>',
  '  <dd>A refrigerated container.</dd>',
  '  <dt>Stevedore</dt><dt>Docker</dt>',
  '  <dd>A worker who <b>loads</b> and unloads ships.<p>Paid by the hour.</p></dd>',
  '</dl>',
  '',
  'After the list: Reefer again.',
].join('\n')

describe('description list', { timeout: 60_000 }, () => {
  it('prints terms then their descriptions, set in, in order; tagged as a list', async () => {
    const messages: VFileMessage[] = []
    const file = toFile(
      await renderPdf(await parsed(dl), {
        layout: 'one-column',
        report: (message) => messages.push(message),
      }),
    )
    expect(messages.map((message) => message.ruleId)).toEqual([])
    const text = normalise(output('pdftotext', [file, '-'])).replace(/\s+/g, ' ')
    expect(text).toContain(
      'Reefer A refrigerated container. Stevedore Docker A worker who loads and unloads ships. Paid by the hour. After the list: Reefer again.',
    )
    const lines = textLines(file).lines
    const line = (start: string) => {
      const found = lines.find((candidate) => candidate.text.startsWith(start))
      if (!found) throw new Error(`no line ${start}`)
      return found
    }
    // Terms at the text's edge, descriptions set in from it.
    const edge = line('After').xMin
    expect(line('Reefer').xMin).toBeCloseTo(edge, 0)
    expect(line('Docker').xMin).toBeCloseTo(edge, 0)
    expect(line('A refrigerated').xMin).toBeGreaterThan(edge + 10)
    expect(line('Paid').xMin).toBeGreaterThan(edge + 10)
    // Terms in the bold face: wider than the same word in the text.
    const reefers = lines.flatMap((entry) => entry.words.filter((w) => w.text === 'Reefer'))
    expect(reefers).toHaveLength(2)
    expect(reefers[0].xMax - reefers[0].xMin).toBeGreaterThan(
      (reefers[1].xMax - reefers[1].xMin) * 1.03,
    )
    const struct = output('pdfinfo', ['-struct', file])
      .split('\n')
      .map((entry) => entry.trim().replace(/ \(.*\)$/, ''))
      .filter((entry) => /^(L|LI|Lbl|LBody|P)$/.test(entry))
    expect(struct).toEqual([
      'L',
      'LI',
      'Lbl',
      'LBody',
      'P',
      'LI',
      'Lbl',
      'Lbl',
      'LBody',
      'P',
      'P',
      'P',
    ])
  })
})
