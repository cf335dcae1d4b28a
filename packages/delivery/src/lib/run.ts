/**
 * Send what the log has queued: each partner on its own (one partner down
 * never holds up the others), each delivery retried with exponential
 * back-off and jitter, every state change written to the log first.
 */
import type { Destination, RetrySettings } from './config.js'
import { createSender } from './destinations/index.js'
import type { Sender } from './destinations/types.js'
import { DeliveryError } from './errors.js'
import { type DeliveryLog, type DeliveryRow, idempotencyKey } from './log.js'

/** What happened to one delivery (for progress output). */
export interface DeliveryEvent {
  type: 'delivered' | 'retrying' | 'failed'
  row: DeliveryRow
  attempt: number
  status?: number
  error?: string
  /** Before a retry: how long it waits, in ms. */
  waitMs?: number
}

export interface DeliverOptions {
  /** Only these partners. Default: every partner with a destination. */
  partners?: readonly string[]
  /** Deliveries in flight per partner. Default 4. */
  concurrency?: number
  /** Called after each attempt. */
  onEvent?: (event: DeliveryEvent) => void
  /** Source of jitter, in [0, 1). Default `Math.random`. */
  random?: () => number
  /** Stop starting new deliveries when aborted (those in flight finish). */
  signal?: AbortSignal
}

export interface DeliverSummary {
  /** Per partner: delivered and failed in this run. */
  partners: Record<string, { delivered: number; failed: number }>
  delivered: number
  failed: number
}

/** The wait before attempt `attempt + 1`: exponential, capped, with full jitter in [50%, 100%]. */
export function backoffDelay(
  settings: RetrySettings,
  attempt: number,
  random = Math.random,
): number {
  const exponential = Math.min(settings.maxBackoffMs, settings.backoffMs * 2 ** (attempt - 1))
  return Math.round(exponential * (0.5 + random() * 0.5))
}

const sleep = (ms: number, signal?: AbortSignal) =>
  new Promise<void>((resolve) => {
    if (ms <= 0) return resolve()
    const timer = setTimeout(resolve, ms)
    signal?.addEventListener('abort', () => {
      clearTimeout(timer)
      resolve()
    })
  })

/**
 * Deliver every queued row (and rows a killed run left `sending`) to its
 * partner's destination. Rows of partners without a destination stay queued.
 */
export async function deliverPending(
  log: DeliveryLog,
  destinations: Readonly<Record<string, Destination>>,
  options: DeliverOptions = {},
): Promise<DeliverSummary> {
  const names = Object.keys(destinations).filter(
    (name) => !options.partners || options.partners.includes(name),
  )
  const summary: DeliverSummary = { partners: {}, delivered: 0, failed: 0 }
  await Promise.all(
    names.map(async (name) => {
      const counts = { delivered: 0, failed: 0 }
      summary.partners[name] = counts
      const destination = destinations[name]
      const sender = createSender(destination)
      try {
        const rows = await log.pending(name)
        let next = 0
        const worker = async () => {
          while (next < rows.length && !options.signal?.aborted) {
            const row = rows[next++]
            const ok = await deliverOne(log, sender, destination, row, options)
            if (ok) counts.delivered++
            else counts.failed++
          }
        }
        await Promise.all(Array.from({ length: Math.max(1, options.concurrency ?? 4) }, worker))
      } finally {
        await sender.close()
      }
      summary.delivered += counts.delivered
      summary.failed += counts.failed
    }),
  )
  return summary
}

async function deliverOne(
  log: DeliveryLog,
  sender: Sender,
  destination: Destination,
  row: DeliveryRow,
  options: DeliverOptions,
): Promise<boolean> {
  const shipment = {
    articleId: row.articleId,
    slug: row.slug,
    version: row.version,
    partner: row.partner,
    key: idempotencyKey(row),
    // Renditions first: when the document arrives, what it links is there.
    files: [
      ...row.files.filter((file) => !file.document),
      ...row.files.filter((file) => file.document),
    ],
  }
  for (let attempt = 1; ; attempt++) {
    await log.markSending(row.id)
    try {
      const { status } = await sender.send(shipment)
      await log.markDelivered(row.id, status)
      options.onEvent?.({ type: 'delivered', row, attempt, ...(status ? { status } : {}) })
      return true
    } catch (caught) {
      const error =
        caught instanceof DeliveryError
          ? caught
          : new DeliveryError((caught as Error)?.message ?? String(caught), {
              retryable: true,
              cause: caught,
            })
      const last = !error.retryable || attempt >= destination.maxAttempts || options.signal?.aborted
      if (last) {
        const reason = error.retryable
          ? `${error.message} (gave up after ${attempt} attempts)`
          : error.message
        await log.markFailed(row.id, reason, error.status)
        options.onEvent?.({
          type: 'failed',
          row,
          attempt,
          error: reason,
          ...(error.status ? { status: error.status } : {}),
        })
        return false
      }
      const backoff = backoffDelay(destination, attempt, options.random)
      const waitMs =
        error.retryAfterMs !== undefined
          ? Math.min(destination.maxRetryAfterMs, Math.max(error.retryAfterMs, 0))
          : backoff
      await log.markRetrying(row.id, error.message, error.status)
      options.onEvent?.({
        type: 'retrying',
        row,
        attempt,
        error: error.message,
        waitMs,
        ...(error.status ? { status: error.status } : {}),
      })
      await sleep(waitMs, options.signal)
    }
  }
}
