/**
 * Real-world sites: one fixture folder per site-generator convention (Jekyll + kramdown,
 * Hugo with TOML and shortcodes, Eleventy + Nunjucks, an MDX-style blog, a WordPress
 * export), built with the built CLI in every format, checked by EPUBCheck and measured
 * against an independent reading of each source (pandoc), as a multiset of letters and
 * digits (the idea of shared/tools/fidelity.py). Template markup is not the author's text:
 * the reference leaves it out, but keeps the alt text and captions in image shortcodes.
 */
import { spawnSync } from 'node:child_process'
import { readdirSync, readFileSync } from 'node:fs'
import path from 'node:path'
import { pressroom, root, temp, tool } from '@pressroom/test-helpers'
import type { Nodes } from 'hast'
import { fromHtml } from 'hast-util-from-html'
import { beforeAll, describe, expect, it } from 'vitest'

const fixtures = path.join(root, 'tests/fixtures')

const conventions = [
  'jekyll-kramdown',
  'hugo-toml',
  'eleventy-nunjucks',
  'mdx-blog',
  'wordpress-export',
] as const

/** Least share of the source's letters and digits every output keeps. */
const threshold = 99.5

/** Markup that must never reach a reader, in any format. */
const markup = ['{#', '{%', '{{<', '{{%', '{/*', '<aside', 'markdown="1"', '{:', '+++']

interface Report {
  articles: Array<{
    file: string
    ok: boolean
    formats: Array<{ format: string; status: string; outputs: Array<{ path: string }> }>
  }>
}

function letters(text: string): Map<string, number> {
  const counts = new Map<string, number>()
  for (const char of text.normalize('NFKC').toLowerCase()) {
    if (/[\p{L}\p{N}]/u.test(char)) counts.set(char, (counts.get(char) ?? 0) + 1)
  }
  return counts
}

/** Share of the reference's letters found in the output (lost text lowers it). */
function recall(reference: Map<string, number>, output: Map<string, number>): number {
  let total = 0
  let kept = 0
  for (const [char, count] of reference) {
    total += count
    kept += Math.min(count, output.get(char) ?? 0)
  }
  return total === 0 ? 100 : (100 * kept) / total
}

/** Text of an HTML document or fragment, with alt text, without script and style. */
function htmlText(html: string, alt = true): string {
  const parts: string[] = []
  const walk = (node: Nodes) => {
    if (node.type === 'text') parts.push(node.value)
    if (node.type === 'element') {
      if (node.tagName === 'script' || node.tagName === 'style') return
      if (alt && typeof node.properties.alt === 'string') parts.push(` ${node.properties.alt} `)
    }
    if ('children' in node) for (const child of node.children) walk(child as Nodes)
    if (node.type === 'element') parts.push(' ')
  }
  walk(fromHtml(html))
  return parts.join('')
}

/**
 * The author's text, read independently of Pressroom: the body after the
 * frontmatter, template markup removed by plain patterns (the human text in its
 * quoted arguments, alt text and captions, kept), read by pandoc as GFM.
 */
function reference(file: string, alt = true): Map<string, number> {
  let body = readFileSync(file, 'utf8').replace(
    /^(---|\+\+\+)[ \t]*\n[\s\S]*?\n(---|\.\.\.|\+\+\+)[ \t]*\n/,
    '',
  )
  // Quoted arguments that are words (alt text, captions), not paths or names; without alt
  // text (`alt=`, or the second positional argument of `{% image src, alt, caption %}`).
  const quotedText = (construct: string) => {
    let positional = 0
    return [...construct.matchAll(/(?:([\w-]+)\s*=\s*)?"([^"]*)"/g)]
      .filter((match) => {
        const key = match[1]?.toLowerCase()
        const index = key ? -1 : positional++
        if (!alt && (key === 'alt' || key === 'description' || index === 1)) return false
        return /\s|[^\x00-\x7F]/.test(match[2])
      })
      .map((match) => ` ${match[2]} `)
      .join('')
  }
  // Image shortcodes and includes carry alt text and captions; other tags carry none.
  const imageArguments = (construct: string) =>
    /^\{[{%][<%]?-?\s*(include|image|img|figure)\b/.test(construct) ? quotedText(construct) : ' '
  body = body
    .replace(/\{\/\*[\s\S]*?\*\/\}/g, ' ')
    .replace(/\{#[\s\S]*?#\}/g, ' ')
    .replace(/^(import|export) .*$/gm, '')
    .replace(/\{\{[<%][\s\S]*?[>%]\}\}/g, imageArguments)
    .replace(/\{%[\s\S]*?%\}/g, imageArguments)
    .replace(/\{\{[\s\S]*?\}\}/g, ' ')
    .replace(/\{:[^}\n]*\}/g, ' ')
    .replace(/\{#[^}\s]+\}/g, ' ')
    .replace(/<[A-Z]\w*[^>]*\/?>|<\/[A-Z]\w*>/g, (tag) => quotedText(tag))
  const pandoc = spawnSync('pandoc', ['-f', 'gfm', '-t', 'html', '--wrap=none'], {
    input: body,
    encoding: 'utf8',
    maxBuffer: 64 * 1024 * 1024,
  })
  if (pandoc.status !== 0) throw new Error(`pandoc failed on ${file}: ${pandoc.stderr}`)
  const html = pandoc.stdout
  let text = htmlText(html, alt)
  // Raw HTML that pandoc passes through escaped is read once more.
  if (text.includes('<') && text.includes('>')) text = htmlText(text, alt)
  return letters(text)
}

function epubText(book: string): string {
  const names = tool('unzip', ['-Z1', book])
    .stdout.split('\n')
    .filter((name) => /\.x?html$/.test(name))
  return names.map((name) => htmlText(tool('unzip', ['-p', book, name]).stdout)).join(' ')
}

for (const convention of conventions) {
  describe(`real-world site: ${convention}`, () => {
    const folder = path.join(fixtures, 'real-world', convention)
    const out = temp(`pressroom-real-world-${convention}-`)
    let report: Report

    beforeAll(() => {
      const run = pressroom(['build', folder, '--out', out, '--json'])
      expect(run.stderr).not.toMatch(/\n\s+at /)
      report = JSON.parse(run.stdout)
    }, 600_000)

    const outputs = (file: string) => {
      const article = report.articles.find((a) => a.file.endsWith(file))!
      const byFormat = new Map<string, string>()
      for (const format of article.formats)
        for (const output of format.outputs)
          byFormat.set(format.format, path.join(out, output.path))
      return { article, byFormat }
    }
    const articleFiles = () =>
      (readdirSync(folder, { recursive: true }) as string[])
        .filter((name) => name.endsWith('.md'))
        .map((name) => path.join(folder, name))

    it('builds every article in every format', () => {
      expect(report.articles.length).toBe(articleFiles().length)
      for (const article of report.articles) {
        expect(article.ok, article.file).toBe(true)
        const built = article.formats.filter((f) => f.status === 'built').map((f) => f.format)
        expect(built.sort(), article.file).toEqual(['epub', 'html', 'jsonld', 'ninjs', 'pdf'])
      }
    })

    it('EPUBs pass EPUBCheck with 0 errors and 0 warnings', () => {
      for (const file of articleFiles()) {
        const book = outputs(path.relative(folder, file)).byFormat.get('epub')!
        const run = tool('java', ['-jar', '/usr/share/java/epubcheck.jar', book], true)
        const output = `${run.stdout}\n${run.stderr}`
        expect(output, book).toMatch(/Messages: 0 fatals \/ 0 errors \/ 0 warnings/)
        expect(run.status, book).toBe(0)
      }
    }, 300_000)

    const textOf = (format: 'epub' | 'ninjs' | 'pdf', output: string) =>
      format === 'epub'
        ? epubText(output)
        : format === 'ninjs'
          ? htmlText(
              (
                JSON.parse(readFileSync(output, 'utf8')).bodies as Array<{
                  contentType: string
                  value: string
                }>
              )
                .filter((b) => b.contentType === 'text/html')
                .map((b) => b.value)
                .join(' '),
            )
          : tool('pdftotext', ['-enc', 'UTF-8', output, '-']).stdout

    /** Score every article in `format`; returns the failures. */
    const measure = (format: 'epub' | 'ninjs' | 'pdf', files: string[]) => {
      const failures: string[] = []
      for (const file of files) {
        const output = outputs(path.relative(folder, file)).byFormat.get(format)!
        const text = textOf(format, output)
        for (const sign of markup)
          if (text.includes(sign)) failures.push(`${file} ${format}: prints \`${sign}\``)
        // A PDF keeps a drawn image's alt text in its tag (/Alt), which pdftotext does not read.
        const wanted = reference(file, format !== 'pdf')
        const got = letters(text)
        const score = recall(wanted, got)
        if (score < threshold) {
          const lost = [...wanted]
            .filter(([char, count]) => count > (got.get(char) ?? 0))
            .map(([char, count]) => char.repeat(count - (got.get(char) ?? 0)))
            .join('')
          failures.push(
            `${path.relative(folder, file)} ${format}: ${score.toFixed(2)}%, lost ${lost}`,
          )
        }
      }
      return failures
    }

    for (const format of ['epub', 'ninjs', 'pdf'] as const) {
      it(`keeps >= ${threshold}% of every article's text in ${format}, and prints no markup`, () => {
        expect(measure(format, articleFiles())).toEqual([])
      }, 300_000)
    }
  })
}
