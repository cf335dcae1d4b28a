/** `draft: true`: skipped by build and publish (said once in the summary), still checked by `check`. */
import { existsSync, mkdirSync, readdirSync, readFileSync, writeFileSync } from 'node:fs'
import path from 'node:path'
import { pressroom, temp } from '@pressroom/test-helpers'
import JSZip from 'jszip'
import { describe, expect, it } from 'vitest'

const files = (folder: string) =>
  existsSync(folder) ? readdirSync(folder, { recursive: true }).map(String).sort() : []

describe('drafts', { timeout: 600_000 }, () => {
  it('are not built, listed or delivered; the summary says so once; check still reads them', async () => {
    const folder = temp('pressroom-wip-')
    const content = path.join(folder, 'content')
    const out = path.join(folder, 'out')
    const drop = path.join(folder, 'drop')
    mkdirSync(content)
    writeFileSync(
      path.join(content, 'pressroom.yaml'),
      `base_url: https://news.example.org/
publisher: Draft Desk
partners:
  search:
    format: jsonld
    destination:
      type: folder
      path: ../drop
`,
    )
    const article = (title: string, extra = '') =>
      `---\ntitle: ${title}\npublished: 2024-01-10T08:00:00Z\n${extra}---\n\nThe first paragraph of the story.\n`
    writeFileSync(path.join(content, 'story.md'), article('A finished story'))
    writeFileSync(path.join(content, 'wip.md'), article('Work in progress', 'draft: true\n'))

    const built = pressroom(['build', content, '--out', out, '--bundle', 'Digest', '--jobs', '1'])
    expect(built.status, built.stderr).toBe(0)
    expect(built.stderr).toContain('1 draft skipped')
    expect(built.stderr.match(/draft/gi)).toHaveLength(1)
    const written = files(out).filter((name) => !name.startsWith('.pressroom-cache'))
    expect(written).toEqual(expect.arrayContaining(['story/story.epub', 'story/story.pdf']))
    expect(written.filter((name) => name.includes('wip'))).toEqual([])
    const feed = JSON.parse(readFileSync(path.join(out, 'feed.json'), 'utf8'))
    expect(feed.items.map((item: { title: string }) => item.title)).toEqual(['A finished story'])
    for (const name of written.filter((name) => /\.(html|json|xml)$/.test(name)))
      expect(readFileSync(path.join(out, name), 'utf8'), name).not.toContain('Work in progress')
    // The digest (one EPUB of every article) holds the finished story only.
    const digest = written.find((name) => name.endsWith('.epub') && !name.startsWith('story/'))
    expect(digest).toBeDefined()
    const zip = await JSZip.loadAsync(readFileSync(path.join(out, digest as string)))
    const texts = await Promise.all(
      Object.keys(zip.files)
        .filter((name) => name.endsWith('.xhtml'))
        .map((name) => zip.file(name)?.async('string') ?? ''),
    )
    expect(texts.join('\n')).toContain('A finished story')
    expect(texts.join('\n')).not.toContain('Work in progress')

    const json = pressroom(['build', content, '--out', out, '--json'])
    expect(json.status, json.stderr).toBe(0)
    const report = JSON.parse(json.stdout)
    expect(report.summary.drafts).toBe(1)
    expect(report.articles.map((a: { file: string }) => path.basename(a.file))).toEqual([
      'story.md',
    ])

    const published = pressroom(['publish', content, '--out', out])
    expect(published.status, published.stderr).toBe(0)
    expect(published.stderr).toContain('1 draft skipped')
    expect(files(drop)).toEqual(['story', 'story/story.jsonld'])

    const checked = pressroom(['check', content])
    expect(`${checked.stdout}${checked.stderr}`).toMatch(/wip\.md.*draft/s)
  })
})
