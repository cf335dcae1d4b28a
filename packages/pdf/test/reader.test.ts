/**
 * The reader decides, the PDF follows (issue 9): footnotes by the reader's rule (the first
 * definition wins, wherever it is), figures only where the reader made one, a note cited only in
 * a table cell printed; labels, names, dates and the URL policy from @pressroom/toolkit.
 */
import { readFileSync } from 'node:fs'
import { describe, expect, it } from 'vitest'
import { renderPdf } from '../src/index.js'
import { fromMarkdown, normalise, run, toFile } from './helpers.js'

const text = (file: string) => normalise(run('pdftotext', ['-enc', 'UTF-8', file, '-']))
const struct = (file: string) => run('pdfinfo', ['-struct', file])

/** The structure tree's element types with their depth (pdfinfo -struct indents by two). */
function elements(tree: string): Array<{ type: string; depth: number }> {
  return tree
    .split('\n')
    .map((line) => /^(\s*)([A-Za-z]+)\b/.exec(line))
    .filter((m): m is RegExpExecArray => m !== null)
    .map((m) => ({ type: m[2], depth: m[1].length / 2 }))
}

/** The element types directly inside each element of `type`. */
function childrenOf(tree: string, type: string): string[][] {
  const list = elements(tree)
  const out: string[][] = []
  list.forEach((element, index) => {
    if (element.type !== type) return
    const children: string[] = []
    for (const next of list.slice(index + 1)) {
      if (next.depth <= element.depth) break
      if (next.depth === element.depth + 1) children.push(next.type)
    }
    out.push(children)
  })
  return out
}

describe('the PDF follows the reader', { timeout: 60_000 }, () => {
  it('prints the first of two footnote definitions, even when the first is inside a quote', async () => {
    const article = await fromMarkdown(
      [
        '---\ntitle: Duplicates\n---\n',
        'The claim[^a] and the other[^b].\n',
        '> A quote.\n>\n> [^a]: First note, in the quote.\n',
        '[^a]: Second note, at the end.\n',
        '[^b]: Only note.\n',
        '[^b]: Duplicate of the only note.\n',
      ].join('\n'),
    )
    // The reader's decision: the later definitions are reported and not used.
    expect(article.messages.map((m) => m.ruleId)).toContain('duplicate-footnote')
    const file = toFile(await renderPdf(article))
    const printed = text(file)
    expect(printed).toContain('First note, in the quote.')
    expect(printed).toContain('Only note.')
    expect(printed).not.toContain('Second note')
    expect(printed).not.toContain('Duplicate of the only note')
    expect((struct(file).match(/^\s*Note\b/gm) ?? []).length).toBe(2)
  })

  it('keeps a lone image without a title a paragraph (P > Figure, no caption), as the XHTML does', async () => {
    const file = toFile(
      await renderPdf(
        await fromMarkdown(
          '---\ntitle: Lone\n---\n\nBefore.\n\n![A desalination plant](images/desalination-energy.png)\n\nAfter.\n',
        ),
      ),
    )
    const tree = struct(file)
    // The image's own Figure (its alt text) inside a P; no Figure of its own, no Caption.
    expect(childrenOf(tree, 'P')).toContainEqual(['Figure'])
    expect(childrenOf(tree, 'Art').flat()).not.toContain('Figure')
    expect(tree).not.toMatch(/^\s*Caption\b/m)
    expect(readFileSync(file).toString('latin1')).toMatch(
      /\/S \/Figure\n\/Alt \(A desalination plant\)/,
    )
  })

  it('makes a figure of an image with a title (the reader’s figure): Figure with its Caption', async () => {
    const article = await fromMarkdown(
      '---\ntitle: Titled\n---\n\n![A desalination plant](images/desalination-energy.png "Energy per cubic metre")\n',
    )
    expect(article.tree.children.map((n) => n.type)).toContain('figure')
    const file = toFile(await renderPdf(article))
    const tree = struct(file)
    expect(childrenOf(tree, 'Figure')).toContainEqual(['Caption'])
    expect(childrenOf(tree, 'P').flat()).not.toContain('Figure')
    expect(text(file)).toContain('Energy per cubic metre')
  })

  it('does not print the title of a lone reference-style image as a caption', async () => {
    const file = toFile(
      await renderPdf(
        await fromMarkdown(
          '---\ntitle: R\n---\n\n![Chart of costs][chart]\n\n[chart]: images/desalination-energy.png "Energy per cubic metre"\n',
        ),
      ),
    )
    expect(childrenOf(struct(file), 'P')).toContainEqual(['Figure'])
    expect(text(file)).not.toContain('Energy per cubic metre')
  })

  it('prints a footnote cited only in a table cell, tagged Note', async () => {
    const file = toFile(
      await renderPdf(
        await fromMarkdown(
          [
            '---\ntitle: Cell note\n---\n',
            'Costs by plant.\n',
            '| Plant | Cost |\n| --- | --- |\n| Jebel Ali[^cell] | 1.2 |\n| Ras Al Khair | 0.9 |\n',
            '[^cell]: Estimated from the 2023 tariff.\n',
          ].join('\n'),
        ),
      ),
    )
    expect(text(file)).toContain('1. Estimated from the 2023 tariff.')
    expect((struct(file).match(/^\s*Note\b/gm) ?? []).length).toBe(1)
  })
})

describe('the PDF says what the other formats say (@pressroom/toolkit)', {
  timeout: 60_000,
}, () => {
  const authors = (language: string) =>
    fromMarkdown(
      `---\ntitle: Names\nlanguage: ${language}\nauthors:\n  - {name: Ana Ruiz, bio: Ana Ruiz writes.}\n  - {name: Ben Ode}\n  - {name: Chloé Martin}\n---\n\nBody text.\n`,
    )

  it('joins names with the language’s serial-comma rule', async () => {
    expect(text(toFile(await renderPdf(await authors('en'))))).toContain(
      'By Ana Ruiz, Ben Ode, and Chloé Martin',
    )
    expect(text(toFile(await renderPdf(await authors('fr'))))).toContain(
      'Par Ana Ruiz, Ben Ode et Chloé Martin',
    )
  })

  it('heads the French author box with the shared label', async () => {
    expect(text(toFile(await renderPdf(await authors('fr'))))).toContain("À propos de l'auteur") // normalise() writes ’ as '
  })

  it('prints a link the URL policy refuses as text, reported, with no URI action', async () => {
    const messages: string[] = []
    const file = toFile(
      await renderPdf(
        await fromMarkdown(
          '---\ntitle: U\n---\n\nSee [the notice](https://example.org/notice) and [this](javascript:alert(1)).\n',
        ),
        { report: (message) => messages.push(String(message.ruleId)) },
      ),
    )
    const qdf = `${file}.qdf.pdf`
    run('qpdf', ['--qdf', '--object-streams=disable', file, qdf])
    const raw = run('cat', [qdf])
    expect(raw).toContain('/URI (https://example.org/notice)')
    expect(raw).not.toMatch(/javascript/i)
    expect(text(file)).toContain('See the notice and this.')
    expect(messages).toContain('unsafe-url')
  })
})
