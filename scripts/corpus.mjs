// The benchmark corpus (scripts/bench.mjs, and the 2,000-article test in tests/e2e): the articles in
// content/ and variations of them — as written, half, double and triple length — with the first
// `broken` ones given an unclosed frontmatter title, so that they fail alone.
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
export function makeCorpus(count, broken = 3) {
  const folder = mkdtempSync(path.join(tmpdir(), `pressroom-bench-${count}-`))
  cpSync(path.join(content, 'images'), path.join(folder, 'images'), { recursive: true })
  cpSync(path.join(content, 'pressroom.yaml'), path.join(folder, 'pressroom.yaml'))
  for (let index = 0; index < count; index++) {
    const name = sources[index % sources.length]
    let text = texts[name].replace(/^slug: .*$/m, '').replace(/^id: .*$/m, '')
    const [, frontmatter, body] = text.match(/^(---\n[\s\S]*?\n---\n)([\s\S]*)$/)
    const variant = Math.floor(index / sources.length) % 4
    // Lengths: as written, half, double, triple.
    const paragraphs = body.split(/\n\n/)
    const bodyVariant =
      variant === 1
        ? paragraphs.slice(0, Math.max(3, paragraphs.length >> 1)).join('\n\n')
        : variant >= 2
          ? Array(variant).fill(body).join('\n\n')
          : body
    text = `${frontmatter}${bodyVariant}`
    if (variant >= 2) text = dedupeFootnotes(text)
    const file = path.join(folder, `a${String(index).padStart(5, '0')}-${name}`)
    writeFileSync(file, index < broken ? text.replace(/^title: .*$/m, 'title: [unclosed') : text)
  }
  return folder
}

/** Repeated bodies define each footnote several times: keep the first definition. */
function dedupeFootnotes(text) {
  const seen = new Set()
  return text
    .split('\n')
    .filter((line) => {
      const match = line.match(/^\[\^([^\]]+)\]:/)
      if (!match) return true
      if (seen.has(match[1])) return false
      seen.add(match[1])
      return true
    })
    .join('\n')
}
