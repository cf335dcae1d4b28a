/**
 * Golden tests across formats: one fixture article that uses every construct the reader knows
 * (fixture/every-construct.md), built to every format by the CLI, its outputs kept as reviewed
 * snapshots (__snapshots__/), and a cross-format test that the same notes, figures, links and text
 * appear in each format. How to update the snapshots: README.md.
 */
import { readFileSync } from 'node:fs'
import path from 'node:path'
import { type Article, loadConfig, readArticle } from '@pressroom/article'
import { toXhtml } from '@pressroom/html'
import {
  pdfLinks,
  pdfStructureTree,
  pdfText,
  pressroom,
  root,
  temp,
  unzip,
} from '@pressroom/test-helpers'
import { beforeAll, describe, expect, it } from 'vitest'
import { type Expected, expected, fold } from './expected.js'
import { type Found, fromHtmlOutput, pdfWords } from './found.js'

const name = 'every-construct'
const fixture = 'tests/golden/fixture'
/** Every format the CLI makes (`ast` is not in its default set). */
const formats = 'ast,epub,pdf,ninjs,jsonld,html,jsonfeed'
/** The moment embargoes are measured against: after the fixture's embargo, before it expires. */
const now = '2024-06-01T00:00:00Z'
const snapshot = (file: string) => path.join(import.meta.dirname, '__snapshots__', file)

let out: string
let article: Article
const read = (file: string) => readFileSync(path.join(out, file))
const json = (file: string) => JSON.parse(read(file).toString('utf8'))

beforeAll(async () => {
  out = temp('pressroom-golden-')
  // From the repository root, so that the paths in the output are the same on every machine.
  const run = pressroom(
    ['build', fixture, '--out', out, '--format', formats, '--now', now, '-j', '1', '--quiet'],
    { cwd: root },
  )
  expect(run.status, run.stderr).toBe(0)
  const { config } = await loadConfig(path.join(root, fixture))
  article = await readArticle(path.join(root, fixture, `${name}.md`), { config })
})

/** JSON with every `position` (mdast source positions) removed: they say nothing about meaning. */
function withoutPositions(value: unknown): unknown {
  if (Array.isArray(value)) return value.map(withoutPositions)
  if (value && typeof value === 'object')
    return Object.fromEntries(
      Object.entries(value)
        .filter(([key]) => key !== 'position')
        .map(([key, item]) => [key, withoutPositions(item)]),
    )
  return value
}

const pretty = (value: unknown) => `${JSON.stringify(value, null, 2)}\n`

describe('golden snapshots', () => {
  it('the Article (AST as JSON, positions stripped)', async () => {
    const ast = withoutPositions(json(`${name}/${name}.ast.json`))
    await expect(pretty(ast)).toMatchFileSnapshot(snapshot(`${name}.ast.json`))
  })

  it('the body XHTML (@pressroom/html, web flavour, as ninjs and JSON Feed embed it)', async () => {
    const { xhtml } = toXhtml(article)
    await expect(`${xhtml}\n`).toMatchFileSnapshot(snapshot(`${name}.xhtml`))
  })

  it('ninjs', async () => {
    await expect(read(`${name}/${name}.ninjs.json`).toString('utf8')).toMatchFileSnapshot(
      snapshot(`${name}.ninjs.json`),
    )
  })

  it('JSON-LD', async () => {
    await expect(read(`${name}/${name}.jsonld`).toString('utf8')).toMatchFileSnapshot(
      snapshot(`${name}.jsonld`),
    )
  })

  it('the JSON Feed entry', async () => {
    const feed = json('feed.json')
    expect(feed.items).toHaveLength(1)
    await expect(pretty(feed.items[0])).toMatchFileSnapshot(snapshot(`${name}.feed-entry.json`))
  })

  it('the PDF text (pdftotext -layout)', async () => {
    await expect(pdfText(path.join(out, name, `${name}.pdf`))).toMatchFileSnapshot(
      snapshot(`${name}.pdf.txt`),
    )
  })

  it('the PDF structure tree (/StructTreeRoot as indented roles)', async () => {
    await expect(pdfStructureTree(path.join(out, name, `${name}.pdf`))).toMatchFileSnapshot(
      snapshot(`${name}.pdf-structure.txt`),
    )
  })

  it('the EPUB file list and package document (OPF)', async () => {
    const book = await unzip(read(`${name}/${name}.epub`))
    await expect(`${book.names.join('\n')}\n`).toMatchFileSnapshot(
      snapshot(`${name}.epub-files.txt`),
    )
    const container = await book.text('META-INF/container.xml')
    const opf = /full-path="([^"]+)"/.exec(container)?.[1]
    expect(opf).toBeDefined()
    await expect(await book.text(opf as string)).toMatchFileSnapshot(snapshot(`${name}.opf`))
  })
})

/**
 * Where a format disagrees with the reader today (a defect, listed in README.md): the check runs
 * and is expected to fail (`it.fails`). When a fix lands, the check passes, vitest reports the
 * `.fails` test as failing, and the entry is removed here.
 */
const knownDefects: Record<string, string> = {}

/** A format as read back: what it shows, and how much of the document it holds. */
interface Rendering {
  name: string
  found: () => Promise<Found>
  /** `body`: only the article's body (equal lists); `document`: a whole page or book (the body's lists are in it). */
  scope: 'body' | 'document' | 'plain'
}

describe('cross-format: the same notes, figures, links and text in every format', () => {
  let want: Expected
  beforeAll(() => {
    want = expected(article)
  })
  const heroCaption = () => article.meta.image?.caption
  const renderings: Rendering[] = [
    {
      name: 'XHTML',
      scope: 'body',
      found: async () => fromHtmlOutput(toXhtml(article).xhtml),
    },
    {
      name: 'EPUB',
      scope: 'body',
      found: async () => {
        const book = await unzip(read(`${name}/${name}.epub`))
        const chapter = book.names.find((file) => /text\.xhtml$/.test(file))
        return fromHtmlOutput(await book.text(chapter as string))
      },
    },
    {
      name: 'web page',
      scope: 'document',
      found: async () =>
        fromHtmlOutput(read(`${name}/index.html`).toString('utf8'), { heroCaption: heroCaption() }),
    },
    {
      name: 'ninjs body_html',
      scope: 'body',
      found: async () => fromHtmlOutput(ninjsBody('text/html'), { idPrefix: name }),
    },
    {
      name: 'ninjs body_text',
      scope: 'plain',
      found: async () => plain(ninjsBody('text/plain')),
    },
    {
      name: 'JSON Feed content_html',
      scope: 'body',
      found: async () =>
        fromHtmlOutput(json('feed.json').items[0].content_html, { idPrefix: name }),
    },
    {
      name: 'JSON Feed content_text',
      scope: 'plain',
      found: async () => plain(json('feed.json').items[0].content_text),
    },
    {
      name: 'JSON-LD articleBody',
      scope: 'plain',
      found: async () => plain(json(`${name}/${name}.jsonld`).articleBody ?? ''),
    },
  ]
  const ninjsBody = (contentType: string): string =>
    json(`${name}/${name}.ninjs.json`).bodies.find(
      (body: { role: string; contentType: string }) =>
        body.role === 'main' && body.contentType === contentType,
    )?.value ?? ''
  const plain = (text: string): Found => ({
    footnotes: [],
    figures: [],
    links: [],
    headings: [],
    marks: [],
    text,
  })

  const check = (label: string, test: () => Promise<void>) =>
    (knownDefects[label] ? it.fails : it)(
      knownDefects[label] ? `${label} (known defect: ${knownDefects[label]})` : label,
      test,
    )

  const missingText = (runs: string[], text: string) => {
    const haystack = fold(text)
    return runs.filter((run) => !haystack.includes(fold(run)))
  }

  for (const rendering of renderings) {
    check(`${rendering.name}: text`, async () => {
      const found = await rendering.found()
      const runs = rendering.scope === 'plain' ? want.plainText : want.text
      expect(missingText(runs, found.text)).toEqual([])
    })
    // A plain-text body cannot carry notes, captions or link targets: its HTML twin does.
    if (rendering.scope === 'plain') continue
    check(`${rendering.name}: footnotes`, async () => {
      expect((await rendering.found()).footnotes).toEqual(want.footnotes)
    })
    check(`${rendering.name}: figures`, async () => {
      const captions = want.figures.map((figure) =>
        [figure.caption, figure.credit].filter(Boolean).join(' '),
      )
      expect((await rendering.found()).figures).toEqual(captions)
    })
    check(`${rendering.name}: headings`, async () => {
      const headings = (await rendering.found()).headings
      if (rendering.scope === 'body') expect(headings).toEqual(want.headings)
      else expect(headings).toEqual(expect.arrayContaining(want.headings))
    })
    check(`${rendering.name}: links`, async () => {
      const links = (await rendering.found()).links
      if (rendering.scope === 'body') expect(links).toEqual(want.links)
      else expect(links).toEqual(expect.arrayContaining(want.links))
    })
    // What Markdown cannot write but the author did: <sup>, <sub>, <abbr title="expansion">.
    check(`${rendering.name}: superscript, subscript, abbr`, async () => {
      expect((await rendering.found()).marks).toEqual(want.marks)
    })
  }

  // A writer reports only what is its own to say (a format's limit): what the article means, and
  // its problems, are the reader's, reported once.
  check('XHTML: no message of its own', async () => {
    const messages: string[] = []
    toXhtml(article, { report: (message) => messages.push(String(message.ruleId)) })
    expect(messages).toEqual([])
  })

  // The PDF, read back with poppler and qpdf: its text, its notes (numbered as in the XHTML), its
  // figures (tagged, captions in the text), its link annotations.
  const pdf = () => path.join(out, name, `${name}.pdf`)
  check('PDF: text', async () => {
    expect(missingText(want.text, pdfText(pdf(), false))).toEqual([])
  })
  check('PDF: footnotes', async () => {
    const tree = pdfStructureTree(pdf())
    expect(tree.match(/^\s*Note\b/gm)?.length ?? 0).toBe(want.footnotes.length)
    const numbered = want.footnotes.map((note, index) => `${index + 1}. ${note}`)
    expect(missingText(numbered, pdfText(pdf(), false))).toEqual([])
  })
  check('PDF: figures', async () => {
    const tree = pdfStructureTree(pdf())
    // Block figures only (children of Art): an image inside a paragraph is a Figure in its P, as
    // PDF/UA tags every image, and is no figure of the reader's.
    const figures = (tree.match(/^ {4}Figure\b/gm)?.length ?? 0) - (article.meta.image ? 1 : 0)
    expect(figures).toBe(want.figures.length)
  })
  check('PDF: figure captions and credits', async () => {
    const parts = want.figures.flatMap((figure) => [figure.caption, figure.credit ?? ''])
    expect(missingText(parts.filter(Boolean), pdfText(pdf(), false))).toEqual([])
  })
  check('PDF: heading levels', async () => {
    // The structure tree's headings in the body: after the title's H1, before the matter (Sect).
    const lines = pdfStructureTree(pdf()).split('\n')
    const title = lines.findIndex((line) => /^\s*H1$/.test(line))
    const matter = lines.findIndex((line) => /^\s*Sect\b/.test(line))
    const levels = lines
      .slice(title + 1, matter === -1 ? undefined : matter)
      .flatMap((line) => /^\s*H([1-6])$/.exec(line)?.[1] ?? [])
    expect(levels).toEqual(want.headings.map((heading) => heading.slice(1, 2)))
  })
  check('PDF: superscript and subscript set smaller, raised and lowered', async () => {
    const words = pdfWords(pdf())
    const height = (word: { yMin: number; yMax: number }) => word.yMax - word.yMin
    const scripts = want.marks.filter((mark) => /^su[pb] /.test(mark))
    expect(scripts.length).toBeGreaterThan(0)
    // Each one a word of its own size right after the glyphs it follows, on their line.
    const set = scripts.filter((mark) => {
      const [kind, text] = [mark.slice(0, 3), mark.slice(4)]
      return words.some((word, index) => {
        const before = words[index - 1]
        if (word.text !== text || !before || Math.abs(word.xMin - before.xMax) > 0.5) return false
        const smaller = height(word) < 0.8 * height(before)
        return kind === 'sup'
          ? smaller && word.yMax < before.yMax - 1
          : smaller && word.yMax > before.yMax
      })
    })
    expect(set).toEqual(scripts)
  })
  check('PDF: links', async () => {
    expect(pdfLinks(pdf())).toEqual(expect.arrayContaining(want.links))
  })

  // ninjs also lists the figures as associations (pictures with captions and credits).
  check('ninjs associations: figures', async () => {
    const associations = json(`${name}/${name}.ninjs.json`).associations.filter(
      (association: { rel: string }) => association.rel === 'figure',
    )
    const captions = associations.map(
      (association: { descriptions: Array<{ role: string; value: string }>; by?: string }) => ({
        caption: association.descriptions.find((description) => description.role === 'caption')
          ?.value,
        ...(association.by ? { credit: association.by } : {}),
      }),
    )
    expect(captions).toEqual(want.figures)
  })

  // What the frontmatter says a reader sees around the body: every whole-document format prints it.
  const metadata = () => {
    const { meta } = article
    return [
      meta.kicker,
      meta.title,
      meta.subtitle,
      ...meta.authors.flatMap((author) => [author.name, author.bio?.text]),
      meta.image?.caption,
      meta.image?.credit,
      ...(meta.corrections ?? []).map((correction) => correction.text),
      meta.disclaimer,
      meta.rights,
    ].filter((text): text is string => Boolean(text))
  }
  check('web page: metadata', async () => {
    const page = fromHtmlOutput(read(`${name}/index.html`).toString('utf8'))
    expect(missingText(metadata(), page.text)).toEqual([])
  })
  check('EPUB: metadata', async () => {
    const book = await unzip(read(`${name}/${name}.epub`))
    const documents = book.names.filter((file) => file.endsWith('.xhtml'))
    const texts = await Promise.all(
      documents.map(async (file) => fromHtmlOutput(await book.text(file)).text),
    )
    expect(missingText(metadata(), texts.join('\n'))).toEqual([])
  })
  check('PDF: metadata', async () => {
    // The PDF sets the kicker in capitals (its design); the words are the same.
    const lower = (texts: string[]) => texts.map((text) => text.toLocaleLowerCase('en'))
    expect(missingText(lower(metadata()), pdfText(pdf(), false).toLocaleLowerCase('en'))).toEqual(
      [],
    )
  })
})
