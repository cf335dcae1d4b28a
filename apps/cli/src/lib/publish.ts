/**
 * `pressroom publish`: build what is out of date, then deliver each partner's
 * documents (and the renditions they link) through the delivery log.
 * Orchestration only: the documents come from @pressroom/syndication, the
 * log, destinations and retries from @pressroom/delivery.
 */
import { createHash } from 'node:crypto'
import path from 'node:path'
import { type Article, formatMessages, readArticle } from '@pressroom/article'
import {
  type DeliverSummary,
  type DeliveryEvent,
  type DeliveryFile,
  type DeliveryKind,
  DeliveryLog,
  type Destination,
  deliverPending,
  LockedError,
  lockState,
} from '@pressroom/delivery'
import {
  deliveredDocument,
  type Partner,
  type PartnerDocument,
  partnerDocumentLinks,
  partnerDocuments,
} from '@pressroom/syndication'
import { type BuildReport, build } from './build.js'
import { configFor } from './config-cache.js'
import { discover } from './discover.js'
import { UsageError } from './errors.js'
import { type BuiltRendition, renditionLinks, renditionsOf } from './formats.js'
import { heldFolder, heldReason } from './held.js'
import { fromData, type MessageData } from './messages.js'
import { loadPartnerSetup, type PartnerSetup, stateFolder } from './partner-setup.js'
import { deliverThroughQueue } from './queue-deliver.js'

export interface PublishOptions {
  paths: string[]
  out: string
  /** Only these partners. Default: every configured partner. */
  partners?: string[]
  /** Show what would be delivered; build, but send and record nothing. */
  dryRun?: boolean
  now?: string
  formats?: string
  jobs?: number
  /** Delivery state folder (log, default drop folders). Default `<out>/.pressroom-delivery`. */
  state?: string
  quiet?: boolean
  json?: boolean
  /** Deliveries in flight per partner. Default 4. */
  concurrency?: number
  stderr?: NodeJS.WriteStream
  stdout?: NodeJS.WritableStream
  /** `redis://host:port`: build and deliver through `pressroom worker`s (queue.ts, queue-deliver.ts). */
  queue?: string
}

/** One planned (or dry-run) delivery. */
export interface PlannedDelivery {
  article: string
  slug: string
  version: number
  partner: string
  kind: DeliveryKind
  /** Queued for delivery, skipped with `reason`, or left as it was (`state`: already delivered, failed ...). */
  action: 'queue' | 'skip' | 'keep'
  /** The row's state in the log after this run's planning. */
  state?: string
  reason?: string
  files: string[]
}

export interface PublishReport {
  build?: BuildReport['summary']
  planned: PlannedDelivery[]
  delivery?: DeliverSummary
  /** Config problems (errors stop everything before anything is sent). */
  messages: MessageData[]
}

/** Load every config of the articles, check its partners; throws nothing, reports messages. */
export async function partnerSetups(
  paths: string[],
  stateDir: string,
): Promise<{ setups: Map<string, PartnerSetup>; files: string[]; roots: Map<string, string> }> {
  const found = await discover(paths)
  const setups = new Map<string, PartnerSetup>()
  for (const file of found.files) {
    const loaded = await configFor(path.dirname(path.resolve(file)), found.roots.get(file))
    const at = loaded.config.path
    if (!at || setups.has(at)) continue
    setups.set(at, loadPartnerSetup(loaded, stateDir))
  }
  return { setups, files: found.files, roots: found.roots }
}

/** Every destination of the setups, by partner name (the first config naming a partner wins). */
export function allDestinations(setups: Iterable<PartnerSetup>): Record<string, Destination> {
  const result: Record<string, Destination> = {}
  for (const setup of setups)
    for (const [name, destination] of Object.entries(setup.destinations))
      result[name] ??= destination
  return result
}

/** Print config problems; true when any is an error. */
export async function reportSetupProblems(
  setups: Iterable<PartnerSetup>,
  stderr: NodeJS.WritableStream,
): Promise<MessageData[]> {
  const messages = [...setups].flatMap((setup) => setup.messages)
  if (messages.length > 0) {
    const text = await formatMessages(messages.map(fromData), {})
    if (text) stderr.write(`${text}\n`)
  }
  return messages
}

/** The line printed for a delivery event. */
export function describeEvent(event: DeliveryEvent): string {
  const what = `${event.row.partner}  ${event.row.slug} v${event.row.version} (${event.row.kind})`
  if (event.type === 'delivered')
    return `✓ ${what}${event.status ? `  HTTP ${event.status}` : ''}${event.attempt > 1 ? `  after ${event.attempt} attempts` : ''}`
  if (event.type === 'retrying')
    return `↻ ${what}  attempt ${event.attempt}: ${event.error}; next in ${event.waitMs} ms`
  return `✗ ${what}  ${event.error}`
}

export async function publish(options: PublishOptions): Promise<PublishReport> {
  const stderr = options.stderr ?? process.stderr
  const outDir = path.resolve(options.out)
  const stateDir = stateFolder(outDir, options.state)
  const now = options.now ?? new Date().toISOString()
  if (Number.isNaN(Date.parse(now)))
    throw new UsageError(`\`--now ${now}\` is not a date-time such as 2024-01-20T00:00:00Z`)
  const say = (line: string) => {
    if (!options.quiet && !options.json) stderr.write(`${line}\n`)
  }

  // 1. Every partner entry is checked before anything is built or sent.
  const { setups, roots } = await partnerSetups(options.paths, stateDir)
  const messages = await reportSetupProblems(setups.values(), stderr)
  const report: PublishReport = { planned: [], messages }
  if (messages.some((message) => message.fatal)) {
    stderr.write('publish: nothing sent; fix the partner entries above first\n')
    return report
  }
  for (const config of setups.keys()) {
    const content = path.dirname(path.resolve(config))
    if (stateDir === content || stateDir.startsWith(content + path.sep))
      throw new UsageError(
        `The delivery state folder ${path.relative(process.cwd(), stateDir)} is inside the content folder; put it in the output or a state folder (--state)`,
      )
  }
  const destinations = allDestinations(setups.values())
  for (const name of options.partners ?? []) {
    if (!destinations[name])
      throw new UsageError(
        `Unknown partner \`${name}\`; configured: ${Object.keys(destinations).join(', ') || 'none'}`,
      )
  }
  const wanted = (partner: Partner) => !options.partners || options.partners.includes(partner.name)

  // One delivery run per state folder at a time (a lock left by a killed run is taken over).
  const release = takeLock(stateDir, Boolean(options.dryRun))
  try {
    return await buildAndDeliver(options, report, {
      stateDir,
      outDir,
      now,
      setups,
      roots,
      destinations,
      wanted,
      say,
    })
  } finally {
    release()
  }
}

/** `LockedError` as a user-facing message. */
export function takeLock(stateDir: string, dryRun = false): () => void {
  if (dryRun) return () => {}
  try {
    return lockState(stateDir)
  } catch (error) {
    if (error instanceof LockedError) throw new UsageError(error.message)
    throw error
  }
}

async function buildAndDeliver(
  options: PublishOptions,
  report: PublishReport,
  context: {
    stateDir: string
    outDir: string
    now: string
    setups: Map<string, PartnerSetup>
    roots: Map<string, string>
    destinations: Record<string, Destination>
    wanted: (partner: Partner) => boolean
    say: (line: string) => void
  },
): Promise<PublishReport> {
  const { stateDir, outDir, now, setups, roots, destinations, wanted, say } = context
  const stderr = options.stderr ?? process.stderr
  // 2. Build what is out of date, through the build path.
  const built = await build({
    paths: options.paths,
    out: options.out,
    formats: options.formats,
    jobs: options.jobs,
    quiet: options.quiet,
    json: options.json,
    now,
    stderr,
    queue: options.queue,
  })
  report.build = built.summary

  // 3. Record each article's version and what every partner gets.
  const log = await DeliveryLog.open(path.join(stateDir, 'delivery.db'))
  try {
    for (const result of built.articles) {
      if (!result.ok) continue
      const file = path.resolve(result.file)
      const root = [...roots].find(([found]) => path.resolve(found) === file)?.[1]
      const { config } = await configFor(path.dirname(file), root)
      const setup = config.path ? setups.get(config.path) : undefined
      const partners = (setup?.partners ?? []).filter(wanted)
      if (partners.length === 0) continue
      const article = await readArticle(result.file, { config })
      const held = heldReason(article.meta, now)
      const filesRoot = held ? path.join(outDir, heldFolder) : outDir
      // The renditions the build made (the table says which formats are renditions).
      const renditions = renditionsOf(result.formats)
      const links = renditionLinks(config, renditions)
      const version = await log.articleVersion({
        articleId: article.meta.id,
        slug: article.meta.slug,
        hash: contentHash(article),
        status: article.meta.status,
        ...((article.meta.updated ?? article.meta.published)
          ? { updated: (article.meta.updated ?? article.meta.published)!.dateTime }
          : {}),
        dryRun: Boolean(options.dryRun),
      })
      // A kill goes only to partners who received an earlier version.
      const received = new Map<string, boolean>()
      for (const partner of partners)
        received.set(
          partner.name,
          await log.receivedEarlier(article.meta.id, partner.name, version.version),
        )
      const canceled = article.meta.status === 'canceled'
      // Who gets what (the publish gate, and a kill only for partners who received the article) is
      // syndication's decision.
      const { documents, skipped } = partnerDocuments(article, partners, {
        now: new Date(now),
        renditions: links,
        revision: { version: version.version, versionCreated: version.versionCreated },
        received: (partner) => received.get(partner.name) === true,
      })
      const plan = async (
        item: Omit<PlannedDelivery, 'article' | 'slug' | 'version'>,
        files: DeliveryFile[],
      ) => {
        const planned: PlannedDelivery = {
          article: article.meta.id,
          slug: article.meta.slug,
          version: version.version,
          ...item,
        }
        report.planned.push(planned)
        const existing = await log.state(article.meta.id, version.version, item.partner)
        if (existing && existing !== 'skipped') {
          planned.action = 'keep'
          planned.state = existing
          delete planned.reason
        }
        if (options.dryRun) return
        planned.state = await log.enqueue({
          articleId: article.meta.id,
          slug: article.meta.slug,
          version: version.version,
          partner: item.partner,
          kind: item.kind,
          files,
          ...(item.action === 'skip' ? { skip: item.reason ?? 'skipped' } : {}),
        })
      }
      for (const document of documents) {
        const name = document.partner.name
        const kind: DeliveryKind = canceled ? 'kill' : received.get(name) ? 'update' : 'new'
        const files = deliveryFiles(article, document, renditions, filesRoot)
        await plan({ partner: name, kind, action: 'queue', files: files.map((f) => f.name) }, files)
      }
      for (const skip of skipped) {
        const name = skip.partner.name
        await plan(
          {
            partner: name,
            kind: canceled ? 'kill' : received.get(name) ? 'update' : 'new',
            action: 'skip',
            reason: skip.reason,
            files: [],
          },
          [],
        )
      }
    }

    if (options.dryRun) {
      for (const item of report.planned.filter(
        (p) => p.action !== 'keep' || p.state !== 'delivered',
      ))
        say(
          `${item.action === 'queue' ? 'would send' : item.action === 'keep' ? `already ${item.state}` : 'would skip'}  ${item.partner}  ${item.slug} v${item.version} (${item.kind})${item.reason ? `: ${item.reason}` : `  ${item.files.length} file${item.files.length === 1 ? '' : 's'}`}`,
        )
      return report
    }

    // 4. Send: each partner on its own, retried with back-off.
    const onEvent = (event: DeliveryEvent) => {
      if (event.type !== 'delivered' || !options.quiet) say(describeEvent(event))
    }
    report.delivery = options.queue
      ? await deliverThroughQueue(options.queue, log, destinations, {
          ...(options.partners ? { partners: options.partners } : {}),
          onEvent,
        })
      : await deliverPending(log, destinations, {
          ...(options.partners ? { partners: options.partners } : {}),
          ...(options.concurrency ? { concurrency: options.concurrency } : {}),
          onEvent,
        })
    printDeliverySummary(report.delivery, say)
    return report
  } finally {
    log.close()
  }
}

export function printDeliverySummary(summary: DeliverSummary, say: (line: string) => void): void {
  const parts = Object.entries(summary.partners).map(
    ([name, counts]) =>
      `${name} ${counts.delivered} delivered${counts.failed ? `, ${counts.failed} failed` : ''}`,
  )
  say(
    `Delivery: ${summary.delivered} delivered, ${summary.failed} failed${parts.length ? ` (${parts.join('; ')})` : ''}${summary.failed ? '. See `pressroom status`; `pressroom retry` sends the failed ones again.' : ''}`,
  )
}

/** What changes an article's version: its source and its images. */
function contentHash(article: Article): string {
  const hash = createHash('sha256').update(article.sourceHash)
  for (const image of article.images) hash.update(`\0${image.src}:${image.sha256 ?? image.status}`)
  return hash.digest('hex')
}

/** The files of one partner's delivery: the renditions and images the document links, then the document. */
function deliveryFiles(
  article: Article,
  document: PartnerDocument,
  renditions: BuiltRendition[],
  root: string,
): DeliveryFile[] {
  const slug = article.meta.slug
  const files: DeliveryFile[] = []
  // What the document links (syndication's rule) travels with it.
  const links = partnerDocumentLinks(document.partner)
  if (links.renditions) {
    for (const rendition of renditions)
      files.push({
        name: rendition.path,
        contentType: rendition.contentType,
        document: false,
        source: path.join(root, rendition.path),
      })
  }
  if (links.images) {
    for (const image of article.images) {
      if (image.status !== 'ok' || !image.path) continue
      files.push({
        name: `${slug}/${image.path}`,
        contentType: image.mediaType ?? 'application/octet-stream',
        document: false,
        source: path.join(root, slug, image.path),
      })
    }
  }
  const delivered = deliveredDocument(slug, document.format)
  files.push({
    name: delivered.name,
    contentType: delivered.contentType,
    document: true,
    text: `${JSON.stringify(document.document, null, 2)}\n`,
  })
  return files
}
