import path from 'node:path'
import { formatMessages, readArticle } from '@pressroom/article'
import { configFor } from './config-cache.js'
import { discover } from './discover.js'
import { fromData, type MessageData, toData } from './messages.js'
import { checkPartners } from './partner-setup.js'

export interface CheckOptions {
  paths: string[]
  quiet?: boolean
  json?: boolean
  maxBytes?: number
  stderr?: NodeJS.WritableStream
}

export interface CheckReport {
  files: { file: string; messages: MessageData[] }[]
  errors: number
  warnings: number
}

/** Validate articles without rendering them: every message, in the vfile-reporter format. */
export async function check(options: CheckOptions): Promise<CheckReport> {
  const found = await discover(options.paths)
  const report: CheckReport = { files: [], errors: 0, warnings: 0 }
  const configsSeen = new Set<string>()
  for (const file of found.files) {
    const loaded = await configFor(path.dirname(path.resolve(file)), found.roots.get(file))
    const messages: MessageData[] = []
    if (loaded.config.path && !configsSeen.has(loaded.config.path)) {
      configsSeen.add(loaded.config.path)
      // Partner entries and their destinations, with line and column (partner-setup.ts).
      const partners = await checkPartners(loaded.config.path, loaded.config.baseUrl)
      if (loaded.messages.length > 0 || partners.length > 0)
        report.files.push({ file: loaded.config.path, messages: [...loaded.messages, ...partners] })
    }
    const article = await readArticle(file, { config: loaded.config, maxBytes: options.maxBytes })
    messages.push(...article.messages.map(toData))
    report.files.push({ file, messages })
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
        `${found.files.length} article${found.files.length === 1 ? '' : 's'}: no problems\n`,
      )
  }
  return report
}
