// A big run loses nothing (issue 12): 2,000 articles of the benchmark corpus build with only the
// intended broken ones failing. The time limit (--timeout 20) is far above any one article's own work
// (well under a second) and far below the run's length: before the fix the limit also counted an
// article's wait in the queue, and a quarter of a 2,000-article run "gave up after 120 s".
// EPUB and ninjs only, to keep the cost reasonable on a 2-core CI machine (every format: ~80 s idle);
// the pool, the queue and the time limit are the same for every format.
import { readFileSync, rmSync } from 'node:fs'
import path from 'node:path'
import { pressroom, temp } from '@pressroom/test-helpers'
import { describe, expect, it } from 'vitest'
// @ts-expect-error: a plain ES module without types (shared with scripts/bench.mjs)
import { makeCorpus } from '../../scripts/corpus.mjs'

describe('a 2,000-article run (the benchmark corpus)', () => {
  it('builds every article but the 3 intended broken ones', () => {
    const folder: string = makeCorpus(2000, 3)
    const out = temp()
    try {
      const run = pressroom(
        [
          'build',
          folder,
          '--out',
          out,
          '--format',
          'epub,ninjs',
          '--jobs',
          '2',
          '--timeout',
          '20',
          '--json',
        ],
        { timeoutMs: 1_500_000 },
      )
      const report = JSON.parse(run.stdout)
      const failed = report.articles.filter((a: { ok: boolean }) => !a.ok)
      expect(failed.map((a: { file: string }) => path.basename(a.file))).toEqual([
        'a00000-al-marjan-electric-buses.md',
        'a00001-halvard-council-vote-embargoed.md',
        'a00002-pakistan-restores-deterrence.md',
      ])
      // They fail for what is wrong in them (the unclosed title), never for time or a crash.
      const rules = report.articles.flatMap((a: { messages: { ruleId: string }[] }) =>
        a.messages.map((m) => m.ruleId),
      )
      for (const rule of ['timeout', 'worker-crashed', 'out-of-memory', 'crashed'])
        expect(rules).not.toContain(rule)
      for (const article of failed)
        expect(article.messages.some((m: { line?: number }) => m.line !== undefined)).toBe(true)
      expect(report.summary).toMatchObject({ articles: 2000, built: 1997, failed: 3 })
      // Each built article has its files.
      const someSlug = report.articles.find((a: { ok: boolean }) => a.ok).slug
      expect(readFileSync(path.join(out, someSlug, `${someSlug}.ninjs.json`), 'utf8')).toContain(
        'renditions',
      )
    } finally {
      rmSync(folder, { recursive: true, force: true })
      rmSync(out, { recursive: true, force: true })
    }
  }, 1_800_000)
})
