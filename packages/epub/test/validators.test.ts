import { execFile } from 'node:child_process'
import { existsSync } from 'node:fs'
import { mkdtemp, readFile, rm, writeFile } from 'node:fs/promises'
import os from 'node:os'
import path from 'node:path'
import { fileURLToPath } from 'node:url'
import { promisify } from 'node:util'
import { readArticle } from '@pressroom/article'
import { contentArticle, contentNames, javaEpubcheck } from '@pressroom/test-helpers'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { renderEpub } from '../src/index.js'

const execFileAsync = promisify(execFile)
/** The hostile fixture (raw HTML, scripts, control characters, duplicate headings, remote/missing/SVG images). */
const hostileArticle = () =>
  readArticle(fileURLToPath(new URL('./fixtures/hostile/hostile.md', import.meta.url)))
const packageDir = fileURLToPath(new URL('..', import.meta.url))

/**
 * The real validators, end to end: EPUBCheck 4.2.6 (Java) with usage notes, and
 * Ace by DAISY (axe-core in Chromium). Slow (seconds per book), so the books are
 * written once and checked in parallel.
 */
let folder = ''
const books: Record<string, string> = {}

beforeAll(async () => {
  folder = await mkdtemp(path.join(os.tmpdir(), 'pressroom-epub-'))
  const articles = await Promise.all(contentNames.map((name) => contentArticle(name)))
  for (const [index, name] of contentNames.entries()) {
    books[name] = path.join(folder, `${name}.epub`)
    await writeFile(books[name], await renderEpub(articles[index] as (typeof articles)[number]))
  }
  books.collection = path.join(folder, 'collection.epub')
  await writeFile(books.collection, await renderEpub(articles, { title: 'Digest' }))
  books.hostile = path.join(folder, 'hostile.epub')
  await writeFile(books.hostile, await renderEpub(await hostileArticle()))
}, 300_000)

afterAll(async () => {
  if (folder) await rm(folder, { recursive: true, force: true })
})

interface EpubcheckResult {
  /** `Messages: 0 fatals / 0 errors / 0 warnings / 0 infos / 0 usages`, as numbers. */
  counts: { fatals: number; errors: number; warnings: number; infos: number; usages: number }
  /** Every message line (`USAGE(CSS-025): ...`). */
  lines: string[]
}

/** Run `java -jar epubcheck.jar -u book.epub` and read its summary line. */
async function epubcheck(file: string): Promise<EpubcheckResult> {
  const { stdout, stderr } = await execFileAsync('java', ['-jar', javaEpubcheck, '-u', file], {
    maxBuffer: 16 * 1024 * 1024,
  }).catch((error: { stdout?: string; stderr?: string }) => ({
    stdout: error.stdout ?? '',
    stderr: error.stderr ?? '',
  }))
  const output = `${stdout}\n${stderr}`
  const match =
    /Messages: (\d+) fatals? \/ (\d+) errors? \/ (\d+) warnings? \/ (\d+) infos? \/ (\d+) usages?/.exec(
      output,
    )
  if (!match) throw new Error(`no summary from EPUBCheck:\n${output}`)
  const [fatals, errors, warnings, infos, usages] = match.slice(1).map(Number) as [
    number,
    number,
    number,
    number,
    number,
  ]
  return {
    counts: { fatals, errors, warnings, infos, usages },
    lines: output.split('\n').filter((line) => /^(FATAL|ERROR|WARNING|INFO|USAGE)\(/.test(line)),
  }
}

describe.skipIf(!existsSync(javaEpubcheck))('EPUBCheck 4.2.6 (Java) with -u', () => {
  const names = [
    'pakistan-restores-deterrence',
    'seawater-to-tap-water',
    'al-marjan-electric-buses',
    'halvard-council-vote-embargoed',
    'collection',
    'hostile',
  ]
  it('reports 0 errors, 0 warnings and 0 usage notes on content/, a collection and the hostile article', async () => {
    const results: Array<[string, EpubcheckResult]> = []
    // Two at a time: the machine is shared.
    for (let index = 0; index < names.length; index += 2) {
      const pair = names.slice(index, index + 2)
      results.push(
        ...(await Promise.all(
          pair.map(
            async (name) => [name, await epubcheck(books[name] ?? '')] as [string, EpubcheckResult],
          ),
        )),
      )
    }
    for (const [name, result] of results) {
      expect({ name, ...result }).toEqual({
        name,
        counts: { fatals: 0, errors: 0, warnings: 0, infos: 0, usages: 0 },
        lines: [],
      })
    }
  }, 900_000)
})

const chromium = ['/usr/bin/chromium', '/usr/bin/chromium-browser'].find((file) => existsSync(file))
const ace = path.resolve(packageDir, '../../node_modules/.bin/ace-cli')

describe.skipIf(!chromium || !existsSync(ace))(
  'Ace by DAISY (skipped without Chromium or @daisy/ace-cli)',
  () => {
    it('finds 0 accessibility violations in the seed, the explainer, the Arabic article and a collection', async () => {
      // Chromium needs these flags here: no sandbox as root, no background network in a closed network.
      const wrapper = path.join(folder, 'chromium.sh')
      await writeFile(
        wrapper,
        `#!/bin/sh\nexec ${chromium} --no-sandbox --disable-gpu --disable-background-networking --disable-component-update --no-first-run --disable-sync "$@"\n`,
        { mode: 0o755 },
      )
      for (const name of [
        'pakistan-restores-deterrence',
        'seawater-to-tap-water',
        'al-marjan-electric-buses',
        'collection',
      ]) {
        const out = path.join(folder, `ace-${name}`)
        await execFileAsync(ace, ['-f', '-o', out, books[name] ?? ''], {
          // Ace gives Chromium 5 s to start by default: too short on a busy 2-core machine (CI failed so).
          env: { ...process.env, PUPPETEER_EXECUTABLE_PATH: wrapper, ACE_TIMEOUT_INITIAL: '90000' },
          maxBuffer: 16 * 1024 * 1024,
        }).catch((error: { stdout?: string; stderr?: string; message: string }) => {
          throw new Error(`${error.message}\n${error.stdout ?? ''}\n${error.stderr ?? ''}`)
        })
        const report = JSON.parse(await readFile(path.join(out, 'report.json'), 'utf8')) as {
          'earl:result': { 'earl:outcome': string }
          'earl:testSubject': { metadata: Record<string, unknown> }
          'a11y-metadata': { present: string[]; missing: string[] }
          assertions: Array<{
            'earl:testSubject': { url: string }
            assertions: Array<{ 'earl:test': { 'dct:title': string } }>
          }>
        }
        const violations = report.assertions.flatMap((document) =>
          document.assertions.map(
            (assertion) =>
              `${document['earl:testSubject'].url}: ${assertion['earl:test']['dct:title']}`,
          ),
        )
        expect({ name, violations, outcome: report['earl:result']['earl:outcome'] }).toEqual({
          name,
          violations: [],
          outcome: 'pass',
        })
        // Ace reads the conformance statement of EPUB Accessibility 1.1; no certifier is claimed.
        expect(report['earl:testSubject'].metadata['dcterms:conformsTo']).toBe(
          'EPUB Accessibility 1.1 - WCAG 2.1 Level AA',
        )
        expect(report['a11y-metadata'].present).toContain('dcterms:conformsTo')
        expect(report['a11y-metadata'].missing).toEqual(
          expect.arrayContaining(['a11y:certifiedBy', 'a11y:certifierCredential']),
        )
      }
    }, 900_000)
  },
)
