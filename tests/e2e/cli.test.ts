import { cpSync, existsSync, mkdirSync, readdirSync, readFileSync, writeFileSync } from 'node:fs'
import path from 'node:path'
import { pressroom, root, temp } from '@pressroom/test-helpers'
import { describe, expect, it } from 'vitest'

const fixtures = path.join(root, 'tests/fixtures')

const articles = readdirSync(path.join(root, 'content')).filter(
  (name) => name.endsWith('.md') && name !== 'README.md',
)

describe('pressroom --help / --version / usage errors', () => {
  it('prints help listing every command and format, exit 0', () => {
    const run = pressroom(['--help'])
    expect(run.status).toBe(0)
    for (const word of ['build', 'check', 'init']) expect(run.stdout).toContain(word)
    const build = pressroom(['build', '--help'])
    expect(build.status).toBe(0)
    for (const word of [
      '--format',
      '--out',
      '--bundle',
      '--jobs',
      '--force',
      '--watch',
      '--json',
      '--quiet',
      'epub',
      'pdf',
      'ninjs',
      'jsonfeed',
      'jsonld',
      'ast',
    ]) {
      expect(build.stdout).toContain(word)
    }
  })

  it('prints the version', () => {
    const run = pressroom(['--version'])
    expect(run.status).toBe(0)
    expect(run.stdout.trim()).toMatch(/^\d+\.\d+\.\d+$/)
  })

  it('exits 2 without a stack trace on a usage error', () => {
    for (const args of [
      ['build', 'content', '--format', 'docx'],
      ['build', 'no-such-folder'],
      ['frobnicate'],
      ['build', '--jobs', 'zero'],
    ]) {
      const run = pressroom(args)
      expect(run.status, args.join(' ')).toBe(2)
      expect(run.stderr).not.toMatch(/\n\s+at /)
      expect(run.stderr.length).toBeGreaterThan(0)
    }
    expect(pressroom(['build', 'content', '--format', 'docx']).stderr).toContain(
      'Unknown format `docx`; choose from ast, epub, pdf, ninjs, jsonld, html, html-index, jsonfeed',
    )
  })
})

describe('pressroom check', () => {
  it('passes on content/ with no errors', () => {
    const run = pressroom(['check', 'content'])
    expect(run.stderr).not.toMatch(/\berror\b/)
    expect(run.status).toBe(0)
  })

  it('reports each bad input at file:line:col with a rule id and exits 1', () => {
    const run = pressroom(['check', path.join(fixtures, 'bad')], { cwd: fixtures })
    expect(run.status).toBe(1)
    const out = run.stderr
    const expectations: Array<[string, RegExp]> = [
      ['broken-yaml.md', /^4:\d+\s+error\s+Invalid YAML in the frontmatter.*yaml-syntax/m],
      ['missing-title.md', /^2:1\s+error\s+Missing `title`.*missing-title/m],
      ['wrong-types.md', /^3:7\s+warning\s+`tags` should be a list.*field-type/m],
      ['wrong-types.md', /^4:12\s+warning\s+Invalid date in `published`.*invalid-date/m],
      [
        'image-outside.md',
        /^7:1-7:27\s+warning\s+Image `..\/secret.png` is outside the article's folder.*image-outside/m,
      ],
      [
        'missing-image.md',
        /^7:1-7:45\s+warning\s+Image `images\/nope.png` not found.*image-missing/m,
      ],
      ['binary.md', /^1:1\s+error\s+This is a binary file.*binary-file/m],
      ['empty.md', /^1:1\s+error\s+The file is empty.*empty-file/m],
      ['hostile.md', /^5:11-5:19\s+warning\s+Raw HTML <script> dropped.*raw-html/m],
      [
        'hostile.md',
        /^7:63-7:95\s+warning\s+Image `data:image\/png;base64,AAAA` is remote.*image-remote/m,
      ],
      ['hostile.md', /^11:1-11:32\s+warning\s+Removed control characters.*control-character/m],
      ['wrong-types.md', /^6:9\s+warning\s+`status` must be usable.*invalid-status/m],
    ]
    for (const [file, pattern] of expectations) {
      const section = out.split(/\n\n/).find((block) => block.startsWith(`bad/${file}`))
      expect(section, `a section for ${file} in:\n${out}`).toBeDefined()
      expect(section, file).toMatch(pattern)
    }
    expect(out).not.toMatch(/\n\s+at /)
  })

  it('fails on warnings with --frail', () => {
    const folder = temp()
    writeFileSync(path.join(folder, 'a.md'), '---\ntitle: T\nbogus: 1\n---\nBody.\n')
    expect(pressroom(['check', folder]).status).toBe(0)
    expect(pressroom(['check', '--frail', folder]).status).toBe(1)
  })

  it('refuses a 5 MB article with a clear message, and checks it with a raised limit', () => {
    const folder = temp()
    const paragraph =
      'The council met again on Tuesday and talked about the budget for a long time. '.repeat(12)
    let text = '---\ntitle: A very long article\n---\n\n'
    while (text.length < 5 * 1024 * 1024) text += `${paragraph}\n\n`
    writeFileSync(path.join(folder, 'huge.md'), text)
    const run = pressroom(['check', folder])
    expect(run.status).toBe(1)
    expect(run.stderr).toMatch(
      /huge\.md\n1:1\s+error\s+The article is 5\.0 MB, over the 4\.0 MB limit.*file-too-large/,
    )
    const raised = pressroom(['check', folder, '--max-size', '8'])
    expect(raised.status).toBe(0)
  })
})

describe('pressroom build --format ast', () => {
  it('builds every article of content/ as JSON, deterministically', () => {
    const out = temp()
    // After every embargo in content/ (an embargoed article is held out of the output folder).
    const now = ['--now', '2031-01-01T00:00:00Z']
    const run = pressroom(['build', 'content', '--format', 'ast', '--out', out, '--quiet', ...now])
    expect(run.status, run.stderr).toBe(0)
    const built = readdirSync(out).filter((name) => !name.startsWith('.'))
    expect(built).toHaveLength(articles.length)
    for (const slug of built) {
      const file = path.join(out, slug, `${slug}.ast.json`)
      expect(existsSync(file), file).toBe(true)
      const ast = JSON.parse(readFileSync(file, 'utf8'))
      expect(ast.meta.slug).toBe(slug)
      expect(ast.meta.title.length).toBeGreaterThan(0)
      expect(ast.tree.type).toBe('root')
      expect(ast.derived.wordCount).toBeGreaterThan(50)
    }
    const again = temp()
    pressroom([
      'build',
      'content',
      '--format',
      'ast',
      '--out',
      again,
      '--quiet',
      '--jobs',
      '1',
      ...now,
    ])
    for (const slug of built) {
      expect(readFileSync(path.join(again, slug, `${slug}.ast.json`))).toEqual(
        readFileSync(path.join(out, slug, `${slug}.ast.json`)),
      )
    }
  })

  it('says how it builds: a lone small article in this process, several in workers', () => {
    const lone = pressroom([
      'build',
      'content/pakistan-restores-deterrence.md',
      '--format',
      'ast',
      '--out',
      temp(),
    ])
    expect(lone.status, lone.stderr).toBe(0)
    expect(lone.stderr).toMatch(/^Building 1 article\n/)
    const several = pressroom([
      'build',
      'content',
      '--format',
      'ast',
      '--out',
      temp(),
      '--jobs',
      '2',
    ])
    expect(several.stderr).toMatch(/^Building \d+ articles \(2 workers\)\n/)
  })

  it('builds the good article among bad ones, names the failures, exits 1, leaves nothing half-written', () => {
    const out = temp()
    const run = pressroom(['build', 'bad', '--format', 'ast', '--out', out, '--json'], {
      cwd: fixtures,
    })
    expect(run.status).toBe(1)
    const report = JSON.parse(run.stdout)
    const byFile = Object.fromEntries(
      report.articles.map((a: { file: string; ok: boolean }) => [path.basename(a.file), a.ok]),
    )
    expect(byFile).toMatchObject({
      'good.md': true,
      'wrong-types.md': true,
      'hostile.md': true,
      'image-outside.md': true,
      'broken-yaml.md': false,
      'missing-title.md': false,
      'missing-image.md': true,
      'binary.md': false,
      'empty.md': false,
    })
    expect(existsSync(path.join(out, 'good', 'good.ast.json'))).toBe(true)
    expect(byFile['missing-image.md']).toBe(true)
    expect(existsSync(path.join(out, 'broken-yaml'))).toBe(false)
    const leftovers = readdirSync(out, { recursive: true }).filter((name) =>
      String(name).includes('.pressroom-tmp-'),
    )
    expect(leftovers).toEqual([])
    // The human summary names the failures.
    const human = pressroom(['build', 'bad', '--format', 'ast', '--out', temp()], { cwd: fixtures })
    expect(human.stderr).toMatch(
      /9 articles: 5 built, 4 failed .*; failed: .*bad\/binary\.md.*bad\/broken-yaml\.md/,
    )
  })

  it('skips unchanged articles and rebuilds a changed one', () => {
    const folder = temp()
    cpSync(path.join(fixtures, 'bad', 'good.md'), path.join(folder, 'good.md'))
    cpSync(path.join(fixtures, 'bad', 'images'), path.join(folder, 'images'), { recursive: true })
    writeFileSync(path.join(folder, 'other.md'), '---\ntitle: Other\n---\nOther body.\n')
    const out = temp()
    const first = JSON.parse(
      pressroom(['build', folder, '--format', 'ast', '--out', out, '--json']).stdout,
    )
    expect(first.articles.map((a: any) => a.formats[0].status)).toEqual(['built', 'built'])
    const second = JSON.parse(
      pressroom(['build', folder, '--format', 'ast', '--out', out, '--json']).stdout,
    )
    expect(second.articles.map((a: any) => a.formats[0].status)).toEqual(['cached', 'cached'])
    writeFileSync(path.join(folder, 'other.md'), '---\ntitle: Other\n---\nChanged body.\n')
    const third = JSON.parse(
      pressroom(['build', folder, '--format', 'ast', '--out', out, '--json']).stdout,
    )
    expect(third.articles.map((a: any) => a.formats[0].status)).toEqual(['cached', 'built'])
    const forced = JSON.parse(
      pressroom(['build', folder, '--format', 'ast', '--out', out, '--json', '--force']).stdout,
    )
    expect(forced.articles.map((a: any) => a.formats[0].status)).toEqual(['built', 'built'])
  })
})

describe('pressroom build --format jsonfeed', () => {
  it('keeps the newest --feed-items articles, and only usable ones whose embargo has passed', () => {
    const out = temp()
    const run = pressroom([
      'build',
      'content',
      '--format',
      'jsonfeed',
      '--out',
      out,
      '--feed-items',
      '2',
      '--now',
      '2026-01-01T00:00:00Z',
    ])
    expect(run.status, run.stderr).toBe(0)
    const feed = JSON.parse(readFileSync(path.join(out, 'feed.json'), 'utf8'))
    expect(feed.items.map((item: { id: string }) => item.id)).toEqual([
      'https://news.example.org/articles/al-marjan-electric-buses',
      'https://news.example.org/articles/seawater-to-tap-water',
    ])
    const all = temp()
    pressroom([
      'build',
      'content',
      '--format',
      'jsonfeed',
      '--out',
      all,
      '--feed-items',
      '0',
      '--now',
      '2031-01-01T00:00:00Z',
    ])
    const later = JSON.parse(readFileSync(path.join(all, 'feed.json'), 'utf8'))
    // In 2031 the embargoed council story (embargo 2030) is out and newest.
    expect(later.items).toHaveLength(4)
    expect(later.items[0].id).toMatch(/^urn:uuid:/)
  })
})

describe('the publication config', () => {
  it('applies to articles in subfolders of the content folder, whichever folder is named', () => {
    const folder = temp()
    mkdirSync(path.join(folder, 'content', 'desk'), { recursive: true })
    writeFileSync(
      path.join(folder, 'content', 'pressroom.yaml'),
      'base_url: https://paper.example/\nlanguage: de\n',
    )
    writeFileSync(path.join(folder, 'content', 'desk', 'story.md'), '---\ntitle: T\n---\nText.\n')
    const run = pressroom(['build', 'content/desk', '--format', 'ast', '--out', 'out', '--quiet'], {
      cwd: folder,
    })
    expect(run.status, run.stderr).toBe(0)
    const ast = JSON.parse(
      readFileSync(path.join(folder, 'out', 'story', 'story.ast.json'), 'utf8'),
    )
    expect(ast.meta.id).toBe('https://paper.example/articles/story')
    expect(ast.meta.language).toBe('de')
  })
})

describe('pressroom init', () => {
  it('creates a content folder that checks clean, and refuses to overwrite it', () => {
    const folder = path.join(temp(), 'news')
    const run = pressroom(['init', folder])
    expect(run.status).toBe(0)
    expect(existsSync(path.join(folder, 'pressroom.yaml'))).toBe(true)
    const checked = pressroom(['check', '--frail', folder])
    expect(checked.stderr).toContain('no problems')
    expect(checked.status).toBe(0)
    const again = pressroom(['init', folder])
    expect(again.status).toBe(2)
    expect(again.stderr).toContain('already exists')
  })
})
