// "A daily tool that never surprises" (issue 12): partial builds, the summary, the config checked once,
// each message once, the per-article time limit, signals, watch mode and editors' files, init and help.
import { spawn } from 'node:child_process'
import { cpSync, existsSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs'
import path from 'node:path'
import { bin, pressroom, root, temp } from '@pressroom/test-helpers'
import { describe, expect, it } from 'vitest'

const content = path.join(root, 'content')

function contentCopy(): string {
  const folder = temp('pressroom-content-')
  cpSync(content, folder, { recursive: true })
  return folder
}

const feedIds = (out: string) =>
  JSON.parse(readFileSync(path.join(out, 'feed.json'), 'utf8')).items.map(
    (item: { id: string }) => item.id,
  )

describe('a partial build', () => {
  it('keeps every other article in feed.json, in the publication language', () => {
    const out = temp()
    const now = ['--now', '2026-01-01T00:00:00Z']
    const full = pressroom(['build', 'content', '--format', 'ninjs,jsonfeed', '--out', out, ...now])
    expect(full.status, full.stderr).toBe(0)
    const before = feedIds(out)
    expect(before).toHaveLength(3) // four articles, one embargoed until 2030
    const feed = JSON.parse(readFileSync(path.join(out, 'feed.json'), 'utf8'))
    // The first item is Arabic; the feed is the publication's (pressroom.yaml: language: en).
    expect(feed.language).toBe('en')
    expect(feed.items.map((item: { language: string }) => item.language)).toContain('ar')

    const one = pressroom([
      'build',
      'content/seawater-to-tap-water.md',
      '--format',
      'ninjs,jsonfeed',
      '--out',
      out,
      '--force',
      ...now,
    ])
    expect(one.status, one.stderr).toBe(0)
    expect(one.stderr).toMatch(/1 article: 1 built/)
    expect(feedIds(out)).toEqual(before)

    // The partner's one-item JSON Feed names itself as its feed_url, not a feed that is elsewhere.
    const partner = JSON.parse(
      readFileSync(path.join(out, 'seawater-to-tap-water', 'partners', 'feed-reader.json'), 'utf8'),
    )
    expect(partner.feed_url).toBe(
      'https://news.example.org/seawater-to-tap-water/partners/feed-reader.json',
    )
  })

  it('drops a deleted article from the feed', () => {
    const folder = contentCopy()
    const out = temp()
    const now = ['--now', '2026-01-01T00:00:00Z']
    expect(pressroom(['build', folder, '--format', 'jsonfeed', '--out', out, ...now]).status).toBe(
      0,
    )
    expect(feedIds(out)).toHaveLength(3)
    const gone = path.join(folder, 'pakistan-restores-deterrence.md')
    rmSync(gone)
    const again = pressroom([
      'build',
      path.join(folder, 'seawater-to-tap-water.md'),
      '--format',
      'jsonfeed',
      '--out',
      out,
      ...now,
    ])
    expect(again.status, again.stderr).toBe(0)
    expect(feedIds(out)).toHaveLength(2)
    expect(feedIds(out).join(' ')).not.toContain('pakistan')
  })
})

describe('the summary', () => {
  it('says what happened: built, up to date, failed', () => {
    const out = temp()
    const first = pressroom(['build', 'content', '--format', 'ast', '--out', out])
    expect(first.stderr).toMatch(/4 articles: 4 built \(into /)
    const second = pressroom(['build', 'content', '--format', 'ast', '--out', out])
    expect(second.status).toBe(0)
    expect(second.stderr).toMatch(/4 articles: 0 built, 4 up to date \(into /)
    expect(second.stderr).not.toContain('Run again')
    const report = JSON.parse(
      pressroom(['build', 'content', '--format', 'ast', '--out', out, '--json']).stdout,
    )
    expect(report.summary).toMatchObject({ articles: 4, built: 0, upToDate: 4, failed: 0 })
    expect(report.articles.map((a: { status: string }) => a.status)).toEqual(
      Array(4).fill('up-to-date'),
    )
  })
})

describe('the publication config', () => {
  const badConfig = (folder: string) => {
    const file = path.join(folder, 'pressroom.yaml')
    writeFileSync(
      file,
      `${readFileSync(file, 'utf8')}  bad-one:\n    profile: full\n  worse:\n    format: docx\n`,
    )
    const lines = readFileSync(file, 'utf8').split('\n')
    return {
      badOne: lines.indexOf('  bad-one:') + 2, // its settings start on the next line
      worse: lines.indexOf('    format: docx') + 1,
    }
  }

  it('pressroom check reports its errors with line:column', () => {
    const folder = contentCopy()
    const { badOne, worse } = badConfig(folder)
    const run = pressroom(['check', folder])
    expect(run.status).toBe(1)
    expect(run.stderr).not.toContain('no problems')
    expect(run.stderr).toMatch(
      new RegExp(`${badOne}:5\\s+error\\s+\`partners\\.bad-one\\.format\` is missing`),
    )
    expect(run.stderr).toMatch(new RegExp(`${worse}:13\\s+error\\s+\`partners\\.worse\\.format\``))
    expect(run.stderr).toContain('pressroom.yaml')
  })

  it('a config error stops build before anything is written, reported once', () => {
    const folder = contentCopy()
    badConfig(folder)
    const out = path.join(temp(), 'out')
    const run = pressroom(['build', folder, '--out', out])
    expect(run.status).toBe(1)
    expect(run.stderr.match(/partners\.bad-one\.format/g)).toHaveLength(1)
    expect(run.stderr).toContain('Nothing built')
    expect(existsSync(out)).toBe(false)
  })

  it('a misspelt section gets a did-you-mean', () => {
    const folder = temp()
    writeFileSync(
      path.join(folder, 'pressroom.yaml'),
      'base_url: https://a.example/\nparners:\n  x: {}\n',
    )
    writeFileSync(path.join(folder, 'a.md'), '---\ntitle: A\n---\nText.\n')
    const run = pressroom(['check', folder])
    expect(run.stderr).toMatch(
      /2:1\s+warning\s+Unknown setting `parners`; did you mean `partners`\?/,
    )
  })
})

describe('messages', () => {
  it('each message is printed once per article, not once per format and partner', () => {
    const folder = temp()
    cpSync(path.join(content, 'pressroom.yaml'), path.join(folder, 'pressroom.yaml'))
    // Messages of the reader (a script dropped, an image missing, a link to nowhere) that every
    // format and partner meets again.
    writeFileSync(
      path.join(folder, 'raw.md'),
      '---\ntitle: Raw\npublished: 2024-01-01\n---\n\nHello <script>alert(1)</script> there.\n\n![A chart](images/missing.png)\n\n| a | b |\n|---|---|\n| [see](#nowhere) | 2 |\n',
    )
    const run = pressroom(['build', folder, '--out', temp(), '--now', '2026-01-01T00:00:00Z'])
    expect(run.status, run.stderr).toBe(0)
    const lines = run.stderr
      .split('\n')
      .map((line) => line.trim())
      .filter((line) => /^\d+:\d+/.test(line))
    expect(lines.length, run.stderr).toBeGreaterThanOrEqual(3)
    for (const expected of [/script/i, /missing\.png/, /nowhere/])
      expect(
        lines.filter((line) => expected.test(line)),
        `${expected} in\n${run.stderr}`,
      ).toHaveLength(1)
    expect(new Set(lines).size, run.stderr).toBe(lines.length)
  })
})

describe('a per-article time limit', () => {
  it('fails a pathological article alone with a clear message; the others build', () => {
    const folder = temp()
    writeFileSync(path.join(folder, 'good.md'), '---\ntitle: Good\n---\nFine.\n')
    // A table of 150,000 rows: minutes of parsing, though under the reader's guards.
    const rows = '| x | y |\n'.repeat(150_000)
    writeFileSync(
      path.join(folder, 'slow.md'),
      `---\ntitle: Slow\n---\n\n| a | b |\n| - | - |\n${rows}`,
    )
    const run = pressroom([
      'build',
      folder,
      '--format',
      'epub',
      '--out',
      temp(),
      '--timeout',
      '8',
      '--json',
    ])
    expect(run.status).toBe(1)
    const report = JSON.parse(run.stdout)
    const byFile = Object.fromEntries(
      report.articles.map((a: { file: string }) => [path.basename(a.file), a]),
    )
    expect(byFile['good.md'].ok).toBe(true)
    expect(byFile['slow.md'].ok).toBe(false)
    expect(byFile['slow.md'].messages).toHaveLength(1)
    expect(byFile['slow.md'].messages[0]).toMatchObject({ ruleId: 'timeout', fatal: true })
    expect(byFile['slow.md'].messages[0].reason).toContain('time limit of 8 s (--timeout)')
  })
})

describe('a memory ceiling per worker', () => {
  it('an article that needs more fails alone, after one retry, with the reason and a hint', () => {
    const folder = temp()
    writeFileSync(path.join(folder, 'small.md'), '---\ntitle: Small\n---\nSmall.\n')
    const paragraphs = Array.from(
      { length: 40_000 },
      (_, index) => `Paragraph ${index} with some words and more words to fill it up nicely.\n\n`,
    ).join('')
    writeFileSync(path.join(folder, 'big.md'), `---\ntitle: Big\n---\n\n${paragraphs}`)
    const run = pressroom([
      'build',
      folder,
      '--format',
      'ast',
      '--out',
      temp(),
      '--max-memory',
      '48',
      '--json',
    ])
    expect(run.status).toBe(1)
    const report = JSON.parse(run.stdout)
    const byFile = Object.fromEntries(
      report.articles.map((a: { file: string }) => [path.basename(a.file), a]),
    )
    expect(byFile['small.md'].ok).toBe(true)
    expect(byFile['big.md'].ok).toBe(false)
    expect(byFile['big.md'].messages).toEqual([
      expect.objectContaining({
        ruleId: 'out-of-memory',
        fatal: true,
        reason: expect.stringMatching(
          /memory ceiling of 48 MB per article \(twice\).*raise the ceiling \(--max-memory\)/,
        ),
      }),
    ])
  })
})

describe('signals', () => {
  it('SIGTERM stops a run at once even while an article is being rendered, leaving no partial file', async () => {
    const folder = temp()
    writeFileSync(
      path.join(folder, 'slow.md'),
      `---\ntitle: Slow\n---\n\n| a | b |\n| - | - |\n${'| x | y |\n'.repeat(200_000)}`,
    )
    const out = temp()
    const child = spawn(process.execPath, [bin, 'build', folder, '--out', out], {
      stdio: ['ignore', 'ignore', 'pipe'],
    })
    let stderr = ''
    child.stderr.on('data', (chunk) => {
      stderr += chunk
    })
    const exited = new Promise<number | null>((resolve) => child.on('exit', resolve))
    // Once the run has started, let the worker get well into the article (it takes minutes).
    const started = Date.now()
    while (!stderr.includes('Building') && Date.now() - started < 30_000)
      await new Promise((resolve) => setTimeout(resolve, 50))
    expect(stderr).toContain('Building 1 article')
    await new Promise((resolve) => setTimeout(resolve, 2000))
    const sent = Date.now()
    child.kill('SIGTERM')
    const code = await exited
    const took = Date.now() - sent
    expect(code).toBe(130)
    expect(stderr).toContain('SIGTERM: stopping')
    // Far less than the article would take (minutes); generous for a loaded machine.
    expect(took).toBeLessThan(10_000)
    const leftovers = readdirSync(out, { recursive: true })
      .map(String)
      .filter((name) => name.includes('.pressroom-tmp-'))
    expect(leftovers).toEqual([])
  }, 60_000)
})

describe('watch mode', () => {
  it("ignores editors' temporary files, and stops without 'Run again' when idle", async () => {
    const folder = temp()
    const file = path.join(folder, 'story.md')
    writeFileSync(file, '---\ntitle: Watched\n---\nFirst version.\n')
    const out = temp()
    const child = spawn(
      process.execPath,
      [bin, 'build', folder, '--out', out, '--format', 'ast', '--watch'],
      { stdio: ['ignore', 'ignore', 'pipe'] },
    )
    let stderr = ''
    child.stderr.on('data', (chunk) => {
      stderr += chunk
    })
    const exited = new Promise<number | null>((resolve) => child.on('exit', resolve))
    const until = async (test: () => boolean, ms: number) => {
      const started = Date.now()
      while (!test() && Date.now() - started < ms)
        await new Promise((resolve) => setTimeout(resolve, 50))
      return test()
    }
    try {
      expect(await until(() => stderr.includes('Watching'), 30_000)).toBe(true)
      for (const name of ['sedw742MN', '.story.md.swp', 'story.md~', '4913', '#story.md#'])
        writeFileSync(path.join(folder, name), 'x')
      await new Promise((resolve) => setTimeout(resolve, 1500))
      expect(stderr).not.toContain('Changed:')
      writeFileSync(file, '---\ntitle: Watched\n---\nSecond version.\n')
      expect(await until(() => stderr.includes('Changed:'), 10_000)).toBe(true)
      expect(stderr).not.toMatch(/Changed:.*(sedw742MN|swp|~|4913)/)
      expect(
        await until(() => /1 article: 1 built/.test(stderr.split('Changed:')[1] ?? ''), 30_000),
      ).toBe(true)
    } finally {
      child.kill('SIGINT')
    }
    expect(await exited).toBe(130)
    expect(stderr).toContain('SIGINT: stopping.')
    expect(stderr).not.toContain('Run again')
  }, 90_000)
})

describe('init and help', () => {
  it('init prints a next step that works without a global install', () => {
    const folder = path.join(temp(), 'my-content')
    const run = pressroom(['init', folder])
    expect(run.status).toBe(0)
    expect(run.stderr).toContain(
      `Next: npx pressroom check ${folder} && npx pressroom build ${folder}`,
    )
  })

  it('--help describes --quiet as it behaves (problems, not only errors)', () => {
    const help = pressroom(['build', '--help']).stdout
    expect(help).toMatch(/--quiet\s+print only problems \(errors and warnings\)/)
    expect(help).toContain('--timeout <seconds>')
    expect(help).toContain('--max-memory <MB>')
    // And it does print warnings under --quiet.
    const folder = temp()
    writeFileSync(path.join(folder, 'w.md'), '---\ntitle: W\ntags: 42\n---\nText.\n')
    const quiet = pressroom(['build', folder, '--format', 'ast', '--out', temp(), '--quiet'])
    expect(quiet.stderr).toMatch(/warning/)
  })
})
