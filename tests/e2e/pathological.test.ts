// Hostile inputs (issue 12): cmark's and cmark-gfm's pathological patterns and YAML bombs. Each ends —
// within the per-article time limit the run is given (--timeout 8) — with a built article or a clear
// error at a position, never a hung run, a crash or an internal error; the patterns that make the
// Markdown parser super-linear are refused up front by the reader's guard (rule `too-complex`).
import { writeFileSync } from 'node:fs'
import path from 'node:path'
import { pressroom, temp } from '@pressroom/test-helpers'
import { describe, expect, it } from 'vitest'
import { pathologicalArticles } from '../pathological.js'

type Message = { ruleId?: string; reason: string; fatal: boolean; line?: number }
type Result = { file: string; ok: boolean; messages: Message[] }

describe('pathological inputs', () => {
  const cases = pathologicalArticles()
  const folder = temp('pressroom-hostile-')
  for (const item of cases) writeFileSync(path.join(folder, item.file), item.text)
  let results: Map<string, Result> | undefined
  const run = () => {
    if (results) return results
    const build = pressroom(
      ['build', folder, '--out', temp(), '--timeout', '8', '--jobs', '2', '--json'],
      { timeoutMs: 900_000 },
    )
    const report = JSON.parse(build.stdout)
    results = new Map(report.articles.map((result: Result) => [path.basename(result.file), result]))
    return results
  }

  it('every case ends with a built article or a clear error', () => {
    const all = run()
    expect(all.size).toBe(cases.length)
    for (const item of cases) {
      const result = all.get(item.file) as Result
      const errors = result.messages.filter((m) => m.fatal)
      if (result.ok) continue
      expect(errors.length, item.name).toBeGreaterThan(0)
      for (const error of errors) {
        expect(error.reason, item.name).not.toMatch(/internal error/)
        expect(error.ruleId, item.name).not.toMatch(/crashed/)
      }
    }
  }, 1_000_000)

  it("refuses the patterns that make the parser super-linear, at the paragraph's line", () => {
    const all = run()
    for (const name of [
      'nested strong emph',
      'many emph closers with no openers',
      'many emph openers with no closers',
      'many link closers with no openers',
      'many link openers with no closers',
      'mismatched openers and closers',
      'openers and closers multiple of 3',
      'link openers and emph closers',
      'pattern [ (]( repeated',
      'nested brackets',
      'nested block quotes',
      'nested block quotes with emphasis',
      'deeply nested lists',
      'unclosed links A',
      'unclosed links B',
    ]) {
      const item = cases.find((entry) => entry.name === name)
      const result = all.get(item?.file ?? '') as Result
      expect(result.ok, name).toBe(false)
      const error = result.messages.find((m) => m.ruleId === 'too-complex')
      expect(error, name).toBeDefined()
      expect(error?.line, name).toBeGreaterThanOrEqual(6)
    }
  }, 1_000_000)

  it('YAML bombs do not expand: a clear error or a bounded article', () => {
    const all = run()
    const laughs = all.get('yaml-billion-laughs.md') as Result
    expect(laughs.ok).toBe(false)
    expect(laughs.messages.some((m) => m.fatal && /alias/i.test(m.reason))).toBe(true)
  }, 1_000_000)
})
