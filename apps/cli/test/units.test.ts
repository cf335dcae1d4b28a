import { spawnSync } from 'node:child_process'
import { mkdtempSync, readdirSync, readFileSync } from 'node:fs'
import { tmpdir } from 'node:os'
import path from 'node:path'
import { fileURLToPath } from 'node:url'
import { defaultMaxBytes as readerMaxBytes } from '@pressroom/article'
import { describe, expect, it } from 'vitest'
import { once } from '../src/lib/build-article.js'
import { folderCoverCache } from '../src/lib/cover-cache.js'
import { defaultMaxBytes } from '../src/lib/defaults.js'
import type { MessageData } from '../src/lib/messages.js'
import { isEditorTemporary } from '../src/lib/watch.js'

describe('watch mode: editors’ temporary files', () => {
  it('ignores sed, vim, emacs and JetBrains temporaries and backups', () => {
    for (const name of [
      'content/sedw742MN',
      'content/.story.md.swp',
      'content/.story.md.swx',
      'content/story.md~',
      'content/4913',
      'content/#story.md#',
      'content/.#story.md',
      'content/story.md___jb_tmp___',
      'content/.pressroom-tmp-story.md-1-ab',
    ])
      expect(isEditorTemporary(name), name).toBe(true)
  })

  it('keeps articles, images and the config', () => {
    for (const name of [
      'content/story.md',
      'content/images/chart-2024.png',
      'content/pressroom.yaml',
      'content/sed.md',
      'content/images/sedative.jpg',
    ])
      expect(isEditorTemporary(name), name).toBe(false)
  })
})

describe('each message once per article', () => {
  const at = (line: number, reason: string, ruleId = 'raw-html', fatal = false): MessageData => ({
    file: 'a.md',
    line,
    column: 1,
    endLine: line,
    endColumn: 5,
    reason,
    ruleId,
    fatal,
  })

  it('keeps the first message for a place and rule (the reader’s, with the hint)', () => {
    const messages = [
      at(6, 'Raw HTML is not supported and will be dropped; use Markdown'),
      at(6, 'Raw HTML dropped'),
      at(6, 'Raw HTML dropped'),
      at(7, 'Raw HTML dropped'),
      at(6, 'Another problem here', 'other-rule'),
    ]
    expect(once(messages).map((m) => [m.line, m.reason])).toEqual([
      [6, 'Raw HTML is not supported and will be dropped; use Markdown'],
      [7, 'Raw HTML dropped'],
      [6, 'Another problem here'],
    ])
  })

  it('keeps messages without a place once per text', () => {
    const plain = (reason: string): MessageData => ({ file: 'a.md', reason, fatal: false })
    expect(once([plain('x'), plain('x'), plain('y')]).map((m) => m.reason)).toEqual(['x', 'y'])
  })
})

describe('start-up: a command loads only what it needs', () => {
  const bin = fileURLToPath(new URL('../bin/pressroom.js', import.meta.url))
  // A module hook that names every module the process resolves, on stderr.
  const hook = `data:text/javascript,${encodeURIComponent(
    'import{writeSync}from"node:fs";export async function resolve(s,c,n){const r=await n(s,c);writeSync(2,"loaded "+r.url+"\\n");return r}',
  )}`
  const register = `data:text/javascript,${encodeURIComponent(
    `import{register}from"node:module";register(${JSON.stringify(hook)})`,
  )}`

  function modulesOf(args: string[]): string[] {
    const result = spawnSync(process.execPath, ['--import', register, bin, ...args], {
      encoding: 'utf8',
      timeout: 60_000,
    })
    expect(result.status, result.stderr).toBe(0)
    return result.stderr
      .split('\n')
      .filter((line) => line.startsWith('loaded '))
      .flatMap((line) => sourcesOf(line.slice('loaded '.length)))
  }

  // A file of the bundle (dist/bundle/, when the build made it) stands for the sources it holds, as
  // listed in dist/bundle/contents.json (relative to apps/cli).
  function sourcesOf(url: string): string[] {
    const file = url.match(/\/dist\/bundle\/([^/]+\.js)$/)?.[1]
    if (!file) return [url]
    const contents = JSON.parse(
      readFileSync(new URL('../dist/bundle/contents.json', import.meta.url), 'utf8'),
    ) as Record<string, string[]>
    return (contents[file] ?? []).map((source) => new URL(`../${source}`, import.meta.url).href)
  }

  it.each([['--version'], ['--help'], ['build', '--help'], ['publish', '--help']])(
    '`pressroom %s` loads no reader, renderer or worker pool',
    (...args) => {
      const urls = modulesOf(args)
      // --version and --help (to a pipe) are answered by the bin file itself; a command's help comes
      // from the CLI's table.
      expect(urls.some((url) => url.endsWith('/dist/lib/cli.js'))).toBe(args.length > 1)
      const heavy = urls.filter((url) =>
        /@pressroom|\/packages\/|\/(build|check|pool|worker|publish|status|preview)\.js$|unified|remark|pdfkit|sharp|vfile/.test(
          url,
        ),
      )
      expect(heavy).toEqual([])
    },
  )

  it('prints the same version with and without the CLI loaded', async () => {
    const { version } = await import('../src/lib/version.js')
    for (const args of [['--version'], ['-v'], ['--version', '--help']]) {
      const result = spawnSync(process.execPath, [bin, ...args], {
        encoding: 'utf8',
        timeout: 60_000,
      })
      if (args.length === 1) expect(result.stdout).toBe(`${version}\n`)
      else expect(result.stdout).toContain(version)
    }
  })

  it('prints, for --help to a pipe, the very text commander prints (the build writes it)', async () => {
    const { createProgram } = await import('../src/lib/cli.js')
    let text = ''
    const program = createProgram({
      stdout: { write: (chunk: string) => (text += chunk) } as NodeJS.WritableStream,
      stderr: process.stderr,
    })
    program.configureOutput({ getOutHelpWidth: () => 80, getOutHasColors: () => false })
    await program.parseAsync(['node', 'pressroom', '--help']).catch(() => {})
    expect(text).toContain('Usage: pressroom')
    for (const args of [['--help'], ['-h'], []]) {
      const result = spawnSync(process.execPath, [bin, ...args], {
        encoding: 'utf8',
        timeout: 60_000,
      })
      expect(result.status).toBe(0)
      expect(result.stdout).toBe(text)
    }
  })

  it('keeps the default --max-size equal to the reader’s own limit', () => {
    expect(defaultMaxBytes).toBe(readerMaxBytes)
  })
})

describe('the cover cache folder', () => {
  it('gives back what was kept under a key, nothing for another key, and leaves no temporary file', async () => {
    const folder = path.join(mkdtempSync(path.join(tmpdir(), 'pressroom-covers-')), 'covers')
    const cache = folderCoverCache(folder)
    expect(await cache.get('cover-abc')).toBeUndefined()
    await cache.set('cover-abc', new Uint8Array([0xff, 0xd8, 1, 2, 3]))
    expect([...((await cache.get('cover-abc')) ?? [])]).toEqual([0xff, 0xd8, 1, 2, 3])
    expect(await cache.get('cover-abd')).toBeUndefined()
    expect(readdirSync(folder)).toEqual(['cover-abc.jpg'])
  })
})
