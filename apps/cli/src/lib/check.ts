import { availableParallelism } from 'node:os'
import path from 'node:path'
import { formatMessages } from '@pressroom/article'
import { configFor } from './config-cache.js'
import { defaultMaxMemoryMb, defaultTimeoutMs } from './defaults.js'
import { discover } from './discover.js'
import { fileError, fromData, type MessageData } from './messages.js'
import { checkDestinations } from './partner-setup.js'
import { WorkerPool } from './pool.js'
import type { CheckValue } from './worker.js'

export interface CheckOptions {
  paths: string[]
  quiet?: boolean
  json?: boolean
  maxBytes?: number
  /** Time limit of one article's check, in milliseconds (default 60 s). */
  timeout?: number
  jobs?: number
  stderr?: NodeJS.WritableStream
}

export interface CheckReport {
  files: { file: string; messages: MessageData[] }[]
  errors: number
  warnings: number
  /** Stopped by Ctrl-C or SIGTERM before every article was checked. */
  interrupted: boolean
}

/**
 * Validate the publication config (`pressroom.yaml`: its fields, partners) and the articles without
 * rendering them: every message, in the vfile-reporter format. Articles are parsed in workers, so a
 * pathological one is stopped at the time limit and Ctrl-C always works.
 */
export async function check(options: CheckOptions): Promise<CheckReport> {
  const found = await discover(options.paths)
  const report: CheckReport = { files: [], errors: 0, warnings: 0, interrupted: false }
  const configsSeen = new Set<string>()
  for (const file of found.files) {
    const loaded = await configFor(path.dirname(path.resolve(file)), found.roots.get(file))
    if (loaded.config.path && !configsSeen.has(loaded.config.path)) {
      configsSeen.add(loaded.config.path)
      // Partner destinations, with line and column (partner-setup.ts); the partner entries
      // themselves are already among the config's messages (config-cache.ts).
      const partners = checkDestinations(loaded)
      if (loaded.messages.length > 0 || partners.length > 0)
        report.files.push({ file: loaded.config.path, messages: [...loaded.messages, ...partners] })
    }
  }
  const timeout = options.timeout ?? defaultTimeoutMs
  const pool = new WorkerPool({
    size: Math.max(1, Math.min(options.jobs ?? availableParallelism(), found.files.length)),
    timeoutMs: timeout,
    maxMemoryMb: defaultMaxMemoryMb,
  })
  const onSignal = () => {
    report.interrupted = true
    void pool.destroy()
  }
  process.on('SIGINT', onSignal)
  process.on('SIGTERM', onSignal)
  try {
    const checked = await Promise.all(
      found.files.map(async (file) => {
        const outcome = await pool.run<CheckValue>({
          kind: 'check',
          file,
          root: found.roots.get(file),
          maxBytes: options.maxBytes,
        })
        if (outcome.ok) return { file, messages: outcome.value.messages }
        if (outcome.reason === 'interrupted') return undefined
        return {
          file,
          messages: [
            fileError(
              file,
              outcome.reason === 'timeout'
                ? `Cannot check: ${outcome.message}. Something in the article is too costly to parse (such as thousands of nested quotes, lists or emphasis markers): simplify it`
                : `Cannot check: ${outcome.message}`,
              outcome.reason === 'timeout'
                ? 'timeout'
                : outcome.reason === 'memory'
                  ? 'out-of-memory'
                  : 'worker-crashed',
            ),
          ],
        }
      }),
    )
    for (const entry of checked) if (entry) report.files.push(entry)
  } finally {
    process.off('SIGINT', onSignal)
    process.off('SIGTERM', onSignal)
    await pool.destroy()
  }
  const all = report.files.flatMap((entry) => entry.messages)
  report.errors = all.filter((m) => m.fatal).length
  report.warnings = all.length - report.errors
  if (!options.json) {
    const text = await formatMessages(all.map(fromData), { quiet: options.quiet })
    const stderr = options.stderr ?? process.stderr
    if (text) stderr.write(`${text}\n`)
    else if (!options.quiet)
      stderr.write(
        `${found.files.length} article${found.files.length === 1 ? '' : 's'}${configsSeen.size > 0 ? ` and ${[...configsSeen].join(', ')}` : ''}: no problems\n`,
      )
    if (report.interrupted) stderr.write('Interrupted: not every article was checked.\n')
  }
  return report
}
