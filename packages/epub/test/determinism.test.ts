import { execFile } from 'node:child_process'
import { createHash } from 'node:crypto'
import { fileURLToPath } from 'node:url'
import { promisify } from 'node:util'
import { contentArticle, contentNames, unzip } from '@pressroom/test-helpers'
import { describe, expect, it } from 'vitest'
import { renderEpub } from '../src/index.js'

const execFileAsync = promisify(execFile)
const packageDir = fileURLToPath(new URL('..', import.meta.url))

/** Render the seed, the explainer and a collection in a fresh process with this TZ; print their SHA-256s. */
const script = `
import { loadConfig, readArticle } from '@pressroom/article'
import { renderEpub } from '@pressroom/epub'
import { createHash } from 'node:crypto'
const folder = process.argv[1]
const { config } = await loadConfig(folder)
const names = ${JSON.stringify(contentNames)}
const articles = []
for (const name of names) articles.push(await readArticle(folder + '/' + name + '.md', { config }))
const hashes = []
for (const article of articles) hashes.push(createHash('sha256').update(await renderEpub(article)).digest('hex'))
hashes.push(createHash('sha256').update(await renderEpub(articles, { title: 'Digest' })).digest('hex'))
console.log(JSON.stringify(hashes))
`

describe('reproducible output', () => {
  it('is byte-identical for identical input within a process', async () => {
    const article = await contentArticle('seawater-to-tap-water')
    const a = await renderEpub(article)
    const b = await renderEpub(structuredClone(article))
    expect(Buffer.from(a).equals(Buffer.from(b))).toBe(true)
  })

  it('is byte-identical across processes in different time zones', async () => {
    // The child processes load the built package (`tsc -b` first).
    await execFileAsync('npx', ['tsc', '-b', packageDir], { cwd: packageDir })
    const folder = new URL('../../../content', import.meta.url).pathname
    const run = async (tz: string) => {
      const { stdout } = await execFileAsync(
        process.execPath,
        ['--input-type=module', '-e', script, folder],
        {
          cwd: packageDir,
          env: { ...process.env, TZ: tz },
        },
      )
      return JSON.parse(stdout) as string[]
    }
    const results = await Promise.all(
      ['UTC', 'Asia/Karachi', 'America/Los_Angeles', 'Pacific/Kiritimati'].map(run),
    )
    for (const result of results) expect(result).toEqual(results[0])
    // And the same as this process (vitest, TZ as the machine has it).
    const seed = await renderEpub(await contentArticle(contentNames[0]))
    expect(createHash('sha256').update(seed).digest('hex')).toBe(results[0]?.[0])
  }, 600_000)

  it('writes fixed zip entry dates (the book’s dcterms:modified) and numbered image names', async () => {
    const article = await contentArticle('seawater-to-tap-water')
    const book = await unzip(await renderEpub(article))
    const dates = new Set(Object.values(book.zip.files).map((file) => file.date.toISOString()))
    expect([...dates]).toEqual([new Date(article.meta.updated?.epochMs ?? 0).toISOString()])
    expect(book.names.filter((name) => name.includes('/images/'))).toEqual([
      'OEBPS/images/cover.jpg',
      'OEBPS/images/img-001.png',
      'OEBPS/images/img-002.jpg',
    ])
  })
})
