/**
 * What the EPUB keeps, the PDF keeps too: strikethrough, reference-style links and images, and
 * footnotes cited anywhere (list items, headings, captions, quotes, table cells).
 */

import { contentMarkdown, normalise, output, toFile } from '@pressroom/test-helpers'
import { describe, expect, it } from 'vitest'
import { renderPdf } from '../src/index.js'

/** The PDF with its streams uncompressed (qpdf), as text. */
const qdf = (file: string) => {
  const out = `${file}.qdf.pdf`
  output('qpdf', ['--qdf', '--object-streams=disable', file, out])
  return output('cat', [out])
}

describe('constructs kept', { timeout: 60_000 }, () => {
  it('strikes through deleted text with a drawn rule', async () => {
    const struck = toFile(
      await renderPdf(
        await contentMarkdown('---\ntitle: S\n---\n\nThe fare is ~~two dollars~~ free.\n'),
      ),
    )
    const plain = toFile(
      await renderPdf(
        await contentMarkdown('---\ntitle: S\n---\n\nThe fare is two dollars free.\n'),
      ),
    )
    const rules = (text: string) => (text.match(/ m [\d.]+ [\d.]+ l S/g) ?? []).length
    // One rule per struck piece: "two", the space, "dollars" (or its syllables).
    expect(rules(qdf(struck)) - rules(qdf(plain))).toBeGreaterThanOrEqual(3)
    expect(normalise(output('pdftotext', [struck, '-']))).toContain('The fare is two dollars free.')
  })

  it('links reference-style links to their definition, and draws reference-style images', async () => {
    const file = toFile(
      await renderPdf(
        await contentMarkdown(
          '---\ntitle: R\n---\n\nSee [the tariff notice][tariff] and [an undefined one][nope].\n\n![Chart of costs][chart]\n\n[tariff]: https://example.org/tariff "Tariff"\n[chart]: images/desalination-energy.png "Energy per cubic metre"\n',
        ),
      ),
    )
    const text = qdf(file)
    expect(text).toContain('/URI (https://example.org/tariff)')
    expect(normalise(output('pdftotext', [file, '-']))).toContain(
      'See the tariff notice and [an undefined one][nope].',
    )
    const struct = output('pdfinfo', ['-struct', file])
    expect(struct).toMatch(/^\s*Link\b/m)
    expect(struct).toMatch(/^\s*Figure\b/m)
    expect(text).toMatch(/\/Alt \(Chart of costs\)/)
  })

  it('prints footnotes cited in list items, headings, captions, quotes and table cells', async () => {
    const file = toFile(
      await renderPdf(
        await contentMarkdown(
          [
            '---\ntitle: Notes everywhere\n---\n',
            '## A heading[^h]\n',
            '- a list item[^l]\n- another\n',
            '> A quote[^q].\n',
            '| Item | Cost |\n| --- | --- |\n| Cell[^t] | 1 |\n',
            '![A plant](images/desalination-energy.png "A caption[^c]")\n',
            '[^h]: Note on the heading.\n[^l]: Note on the list.\n[^q]: Note on the quote.\n[^t]: Note on the cell.\n[^c]: Note on the caption.\n',
          ].join('\n'),
        ),
      ),
    )
    const text = normalise(output('pdftotext', [file, '-']))
    for (const note of ['heading', 'list', 'quote', 'cell'])
      expect(text, note).toContain(`Note on the ${note}.`)
    expect(
      (output('pdfinfo', ['-struct', file]).match(/^\s*Note\b/gm) ?? []).length,
    ).toBeGreaterThanOrEqual(4)
  })

  it('lets a caller override an inline handler, like a block one', async () => {
    const file = toFile(
      await renderPdf(await contentMarkdown('---\ntitle: I\n---\n\nRun `make` now.\n'), {
        inlineHandlers: {
          inlineCode: (_state, node: { value: string }, style) => [
            { text: `«${node.value}»`, style },
          ],
        },
      }),
    )
    expect(normalise(output('pdftotext', ['-enc', 'UTF-8', file, '-']))).toContain(
      'Run «make» now.',
    )
  })
})
