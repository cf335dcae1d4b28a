/**
 * Deliveries as BullMQ jobs (`publish --queue`): the publishing machine plans what each partner gets
 * (its delivery log, as without a queue), then enqueues one job per document and partner; any
 * `pressroom worker` sends it, with the same senders and retry settings as a local run. Whether a
 * document was delivered to a partner lives in Redis, where every worker sees it: a job run again
 * (stalled, enqueued twice, retried) finds the mark and sends nothing.
 */
import { createHash } from 'node:crypto'
import {
  createSender,
  type DeliverSummary,
  DeliveryError,
  type DeliveryEvent,
  type DeliveryLog,
  type DeliveryRow,
  type Destination,
  idempotencyKey,
} from '@pressroom/delivery'
import { Job as BullJob, type Worker as BullWorker, Queue, UnrecoverableError } from 'bullmq'
import { connection } from './queue.js'

export const deliverQueueName = 'pressroom-deliver'

/** What a delivery job carries: the row and its destination, never a secret (read from the worker's env). */
export interface DeliverJobData {
  row: DeliveryRow
  destination: Destination
}

export interface DeliverJobValue {
  status?: number
  /** Already delivered (the mark in Redis): nothing was sent this time. */
  already?: boolean
}

/** The Redis key marking a document delivered to a partner. */
export function deliveredKey(
  row: Pick<DeliveryRow, 'partner' | 'articleId' | 'version' | 'resends'>,
) {
  return `pressroom:delivered:${row.partner}:${idempotencyKey(row)}`
}

function deliverJobId(row: DeliveryRow): string {
  const hash = createHash('sha256')
    .update(`${row.partner}\n${idempotencyKey(row)}`)
    .digest('hex')
  return `deliver-${row.partner.replace(/[^\w.-]+/g, '_')}-${hash.slice(0, 24)}`
}

/** The processor a `pressroom worker` runs for delivery jobs. */
export function deliverProcessor(getWorker: () => BullWorker) {
  return async (job: BullJob<DeliverJobData>): Promise<DeliverJobValue> => {
    const { row } = job.data
    const destination = { ...job.data.destination } as Destination
    if (destination.type === 'http' && destination.secretEnv)
      destination.secret = process.env[destination.secretEnv] ?? ''
    const redis = await getWorker().client
    const mark = deliveredKey(row)
    const earlier = await redis.get(mark)
    if (earlier) return { ...(JSON.parse(earlier) as DeliverJobValue), already: true }
    const sender = createSender(destination)
    try {
      const { status } = await sender.send({
        articleId: row.articleId,
        slug: row.slug,
        version: row.version,
        partner: row.partner,
        key: idempotencyKey(row),
        files: [...row.files.filter((f) => !f.document), ...row.files.filter((f) => f.document)],
      })
      const value: DeliverJobValue = status ? { status } : {}
      await redis.set(mark, JSON.stringify(value))
      return value
    } catch (caught) {
      if (caught instanceof DeliveryError && !caught.retryable)
        throw new UnrecoverableError(caught.message)
      throw caught
    } finally {
      await sender.close()
    }
  }
}

/** Send what the log has queued through the queue, and record each outcome in the log. */
export async function deliverThroughQueue(
  url: string,
  log: DeliveryLog,
  destinations: Readonly<Record<string, Destination>>,
  options: { partners?: readonly string[]; onEvent?: (event: DeliveryEvent) => void } = {},
): Promise<DeliverSummary> {
  const summary: DeliverSummary = { partners: {}, delivered: 0, failed: 0 }
  const queue = new Queue<DeliverJobData>(deliverQueueName, { connection: connection(url) })
  queue.on('error', () => {})
  try {
    const waiting = new Map<string, DeliveryRow>()
    const names = Object.keys(destinations).filter(
      (name) => !options.partners || options.partners.includes(name),
    )
    const add = (id: string, row: DeliveryRow) => {
      const destination = destinations[row.partner]
      // The secret stays out of Redis: each worker reads it from its own environment.
      const shared = destination.type === 'http' ? { ...destination, secret: '' } : destination
      return queue.add(
        'deliver',
        { row, destination: shared },
        {
          jobId: id,
          attempts: destination.maxAttempts,
          backoff: { type: 'exponential', delay: destination.backoffMs },
          removeOnComplete: { age: 24 * 3600 },
          removeOnFail: { age: 7 * 24 * 3600 },
        },
      )
    }
    for (const name of names) {
      summary.partners[name] = { delivered: 0, failed: 0 }
      for (const row of await log.pending(name)) {
        await log.markSending(row.id)
        const id = deliverJobId(row)
        await add(id, row)
        waiting.set(id, row)
      }
    }
    while (waiting.size > 0) {
      await new Promise((resolve) => setTimeout(resolve, 200))
      try {
        for (const [id, row] of [...waiting]) {
          const job = await BullJob.fromId<DeliverJobData, DeliverJobValue>(queue, id)
          if (!job) {
            await add(id, row)
            continue
          }
          if (!job.finishedOn) continue
          const state = await job.getState()
          if (state !== 'completed' && state !== 'failed') continue
          waiting.delete(id)
          const counts = summary.partners[row.partner]
          if (state === 'completed') {
            const status = job.returnvalue?.status
            await log.markDelivered(row.id, status)
            counts.delivered++
            summary.delivered++
            options.onEvent?.({
              type: 'delivered',
              row,
              attempt: job.attemptsMade,
              ...(status ? { status } : {}),
            })
          } else {
            const reason = `${job.failedReason} (gave up after ${job.attemptsMade} attempts)`
            await log.markFailed(row.id, reason)
            counts.failed++
            summary.failed++
            options.onEvent?.({ type: 'failed', row, attempt: job.attemptsMade, error: reason })
          }
        }
      } catch {
        // Redis unreachable: try again at the next tick.
      }
    }
  } finally {
    await queue.close().catch(() => {})
  }
  return summary
}
