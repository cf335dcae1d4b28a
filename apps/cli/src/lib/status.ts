/**
 * `pressroom status`, `pressroom retry` and `pressroom resend`: the delivery
 * log read and acted on (orchestration only; the log is @pressroom/delivery's).
 */
import { existsSync } from 'node:fs'
import path from 'node:path'
import {
  type DeliverSummary,
  DeliveryLog,
  type DeliveryState,
  deliverPending,
} from '@pressroom/delivery'
import { UsageError } from './errors.js'
import { stateFolder } from './partner-setup.js'
import {
  allDestinations,
  describeEvent,
  partnerSetups,
  printDeliverySummary,
  reportSetupProblems,
  takeLock,
} from './publish.js'

export interface LogOptions {
  out: string
  state?: string
  stderr?: NodeJS.WritableStream
  stdout?: NodeJS.WritableStream
}

export interface StatusRow {
  partner: string
  article: string
  slug: string
  version: number
  kind: string
  state: DeliveryState
  attempts: number
  lastError: string | null
  responseStatus: number | null
  queuedAt: string
  finishedAt: string | null
}

export interface StatusReport {
  log: string
  partners: Record<string, Record<DeliveryState, number>>
  /** Every row not delivered (queued, sending, failed, skipped), oldest first. */
  open: StatusRow[]
}

async function openExisting(options: LogOptions): Promise<{ log: DeliveryLog; file: string }> {
  const file = path.join(stateFolder(path.resolve(options.out), options.state), 'delivery.db')
  if (!existsSync(file))
    throw new UsageError(
      `No delivery log at ${path.relative(process.cwd(), file) || file}: run \`pressroom publish\` first (or pass the same --out/--state)`,
    )
  return { log: await DeliveryLog.open(file), file }
}

/** The queue and failures per partner. */
export async function status(options: LogOptions & { json?: boolean }): Promise<StatusReport> {
  const { log, file } = await openExisting(options)
  try {
    const rows = await log.rows()
    const report: StatusReport = {
      log: path.relative(process.cwd(), file) || file,
      partners: await log.summary(),
      open: rows
        .filter((row) => row.state !== 'delivered')
        .map((row) => ({
          partner: row.partner,
          article: row.articleId,
          slug: row.slug,
          version: row.version,
          kind: row.kind,
          state: row.state,
          attempts: row.attempts,
          lastError: row.lastError,
          responseStatus: row.responseStatus,
          queuedAt: row.queuedAt,
          finishedAt: row.finishedAt,
        })),
    }
    if (!options.json) {
      const out = options.stdout ?? process.stdout
      const names = Object.keys(report.partners)
      if (names.length === 0) out.write('The delivery log is empty.\n')
      for (const name of names) {
        const counts = report.partners[name]
        out.write(
          `${name}: ${counts.delivered} delivered, ${counts.queued + counts.sending} queued, ${counts.failed} failed, ${counts.skipped} skipped\n`,
        )
        for (const row of report.open.filter((r) => r.partner === name && r.state !== 'skipped'))
          out.write(
            `  ${row.state.padEnd(7)} ${row.slug} v${row.version} (${row.kind})  ${row.attempts} attempt${row.attempts === 1 ? '' : 's'}${row.responseStatus ? `  HTTP ${row.responseStatus}` : ''}${row.lastError ? `  ${row.lastError}` : ''}\n`,
          )
        for (const row of report.open.filter((r) => r.partner === name && r.state === 'skipped'))
          out.write(`  skipped ${row.slug} v${row.version}: ${row.lastError ?? ''}\n`)
      }
    }
    return report
  } finally {
    log.close()
  }
}

/** Deliver again what failed (and anything still queued), for one partner or all. */
export async function retry(
  options: LogOptions & { paths: string[]; partner?: string; quiet?: boolean },
): Promise<DeliverSummary | undefined> {
  return act(options, async (log) => {
    const count = await log.requeueFailed(options.partner)
    if (!options.quiet)
      (options.stderr ?? process.stderr).write(
        `Retrying ${count} failed deliver${count === 1 ? 'y' : 'ies'}\n`,
      )
  })
}

/** Send an article's newest version to a partner again, under a new idempotency key. */
export async function resend(
  options: LogOptions & { paths: string[]; article: string; partner: string; quiet?: boolean },
): Promise<DeliverSummary | undefined> {
  return act({ ...options }, async (log) => {
    const row = await log.resend(options.article, options.partner)
    if (!row)
      throw new UsageError(
        `\`${options.article}\` has not been sent to \`${options.partner}\` (give its slug or id; see \`pressroom status\`)`,
      )
  })
}

async function act(
  options: LogOptions & { paths: string[]; partner?: string; quiet?: boolean },
  prepare: (log: DeliveryLog) => Promise<void>,
): Promise<DeliverSummary | undefined> {
  const stderr = options.stderr ?? process.stderr
  const stateDir = stateFolder(path.resolve(options.out), options.state)
  const { setups } = await partnerSetups(options.paths, stateDir)
  const messages = await reportSetupProblems(setups.values(), stderr)
  if (messages.some((message) => message.fatal)) {
    stderr.write('nothing sent; fix the partner entries above first\n')
    return undefined
  }
  const destinations = allDestinations(setups.values())
  if (options.partner && !destinations[options.partner])
    throw new UsageError(
      `Unknown partner \`${options.partner}\`; configured: ${Object.keys(destinations).join(', ') || 'none'}`,
    )
  const release = takeLock(stateDir)
  const { log } = await openExisting(options).catch((error) => {
    release()
    throw error
  })
  try {
    await prepare(log)
    const say = (line: string) => {
      if (!options.quiet) stderr.write(`${line}\n`)
    }
    const summary = await deliverPending(log, destinations, {
      ...(options.partner ? { partners: [options.partner] } : {}),
      onEvent: (event) => say(describeEvent(event)),
    })
    printDeliverySummary(summary, say)
    return summary
  } finally {
    log.close()
    release()
  }
}
