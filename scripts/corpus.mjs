// The benchmark corpus (scripts/bench.mjs, and the 2,000-article test in tests/e2e): the articles in
// content/ and variations of them — as written, half, double and triple length — with the first
// `broken` ones given an unclosed frontmatter title, so that they fail alone. With `uniqueTitles`, each
// article's title ends with its number, as in a real batch: no two share an EPUB cover (the benchmarks
// use it; a cover drawn once and reused for every copy would flatter the figures).
import { cpSync, mkdtempSync, readdirSync, readFileSync, writeFileSync } from 'node:fs'
import { tmpdir } from 'node:os'
import path from 'node:path'
import { fileURLToPath } from 'node:url'

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..')
const content = path.join(root, 'content')
const sources = readdirSync(content).filter((name) => name.endsWith('.md') && name !== 'README.md')
const texts = Object.fromEntries(
  sources.map((name) => [name, readFileSync(path.join(content, name), 'utf8')]),
)

/** A corpus of `count` articles: the content/ articles and variations of them (lengths, a few broken ones). */
export function makeCorpus(count, broken = 3, { uniqueTitles = false } = {}) {
  const folder = mkdtempSync(path.join(tmpdir(), `pressroom-bench-${count}-`))
  cpSync(path.join(content, 'images'), path.join(folder, 'images'), { recursive: true })
  cpSync(path.join(content, 'pressroom.yaml'), path.join(folder, 'pressroom.yaml'))
  for (let index = 0; index < count; index++) {
    const name = sources[index % sources.length]
    let text = texts[name].replace(/^slug: .*$/m, '').replace(/^id: .*$/m, '')
    const [, frontmatter, body] = text.match(/^(---\n[\s\S]*?\n---\n)([\s\S]*)$/)
    const variant = Math.floor(index / sources.length) % 4
    // Lengths: as written, half, double, triple. A half keeps the definitions (footnotes, link
    // references) its paragraphs still use.
    const paragraphs = body.split(/\n\n/)
    let bodyVariant = body
    if (variant === 1) {
      const half = paragraphs.slice(0, Math.max(3, paragraphs.length >> 1)).join('\n\n')
      // A definition line after the half whose label (`[^note]`, `[ref]`) the half still cites.
      const definitions = body.split('\n').filter((line) => {
        const label = line.match(/^(\[[^\]]+\]):/)?.[1]
        return label !== undefined && !half.includes(line) && half.includes(label)
      })
      bodyVariant = definitions.length > 0 ? `${half}\n\n${definitions.join('\n')}\n` : half
    } else if (variant >= 2) bodyVariant = Array(variant).fill(body).join('\n\n')
    text = `${frontmatter}${bodyVariant}`
    if (variant >= 2) text = dedupeDefinitions(text)
    if (uniqueTitles)
      text = text.replace(/^title: (.*)$/m, (_, title) =>
        title.endsWith('"') ? `title: ${title.slice(0, -1)} ${index}"` : `title: ${title} ${index}`,
      )
    const file = path.join(folder, `a${String(index).padStart(5, '0')}-${name}`)
    writeFileSync(file, index < broken ? text.replace(/^title: .*$/m, 'title: [unclosed') : text)
  }
  return folder
}

/** Repeated bodies define each footnote and link reference several times: keep the first definition. */
function dedupeDefinitions(text) {
  const seen = new Set()
  return text
    .split('\n')
    .filter((line) => {
      const match = line.match(/^\[(\^?[^\]]+)\]:/)
      if (!match) return true
      if (seen.has(match[1])) return false
      seen.add(match[1])
      return true
    })
    .join('\n')
}
