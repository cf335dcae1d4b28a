/**
 * The delivery log: an embedded SQLite database (libsql) with a row per
 * article, version and partner, and each article's version history. Every
 * state change is committed before the next step, so a process killed at
 * any moment resumes where it stopped.
 */
import { mkdirSync } from 'node:fs'
import path from 'node:path'
import { type Client, createClient, type InValue } from '@libsql/client'

export type DeliveryState = 'queued' | 'sending' | 'delivered' | 'failed' | 'skipped'
/** `new`: the partner's first version of the article; `update`: a later one; `kill`: a cancellation. */
export type DeliveryKind = 'new' | 'update' | 'kill'

/** A file of a delivery. The document carries its text; renditions are read from `source`. */
export interface DeliveryFile {
  /** Path at the destination, e.g. `my-slug/my-slug.ninjs.json`, `my-slug/images/a.png`. */
  name: string
  contentType: string
  /** True for the partner's document (sent last, signed, keyed by article id + version). */
  document: boolean
  /** The document's text. */
  text?: string
  /** Absolute path of a rendition on disk. */
  source?: string
}

export interface DeliveryRow {
  id: number
  articleId: string
  slug: string
  version: number
  partner: string
  kind: DeliveryKind
  state: DeliveryState
  attempts: number
  lastError: string | null
  responseStatus: number | null
  resends: number
  files: DeliveryFile[]
  queuedAt: string
  startedAt: string | null
  finishedAt: string | null
  updatedAt: string
}

/** An article's current version as the log knows it. */
export interface ArticleVersion {
  articleId: string
  slug: string
  /** 1 for the first content seen, +1 each time the content changes. */
  version: number
  /** RFC 3339: when this version was created. */
  versionCreated: string
  /** True when this call created a new version. */
  changed: boolean
}

const schema = [
  `CREATE TABLE IF NOT EXISTS articles (
     article_id TEXT PRIMARY KEY, slug TEXT NOT NULL, hash TEXT NOT NULL,
     version INTEGER NOT NULL, version_created TEXT NOT NULL, status TEXT NOT NULL, updated_at TEXT NOT NULL)`,
  `CREATE TABLE IF NOT EXISTS deliveries (
     id INTEGER PRIMARY KEY AUTOINCREMENT, article_id TEXT NOT NULL, slug TEXT NOT NULL,
     version INTEGER NOT NULL, partner TEXT NOT NULL, kind TEXT NOT NULL, state TEXT NOT NULL,
     attempts INTEGER NOT NULL DEFAULT 0, last_error TEXT, response_status INTEGER,
     resends INTEGER NOT NULL DEFAULT 0, files TEXT NOT NULL,
     queued_at TEXT NOT NULL, started_at TEXT, finished_at TEXT, updated_at TEXT NOT NULL,
     UNIQUE (article_id, version, partner))`,
  'CREATE INDEX IF NOT EXISTS deliveries_state ON deliveries (partner, state)',
]

function toRow(row: Record<string, unknown>): DeliveryRow {
  return {
    id: Number(row.id),
    articleId: String(row.article_id),
    slug: String(row.slug),
    version: Number(row.version),
    partner: String(row.partner),
    kind: row.kind as DeliveryKind,
    state: row.state as DeliveryState,
    attempts: Number(row.attempts),
    lastError: (row.last_error as string | null) ?? null,
    responseStatus: row.response_status === null ? null : Number(row.response_status),
    resends: Number(row.resends),
    files: JSON.parse(String(row.files)) as DeliveryFile[],
    queuedAt: String(row.queued_at),
    startedAt: (row.started_at as string | null) ?? null,
    finishedAt: (row.finished_at as string | null) ?? null,
    updatedAt: String(row.updated_at),
  }
}

export interface OpenLogOptions {
  /** Clock for the log's times (tests). Default `() => new Date()`. */
  clock?: () => Date
}

/** The durable delivery log. Open with `openDeliveryLog(file)`; `close()` when done. */
export class DeliveryLog {
  private constructor(
    private readonly client: Client,
    private readonly clock: () => Date,
  ) {}

  /** Open (creating if needed) the log at `file`, e.g. `out/.pressroom-delivery/delivery.db`. */
  static async open(file: string, options: OpenLogOptions = {}): Promise<DeliveryLog> {
    mkdirSync(path.dirname(path.resolve(file)), { recursive: true })
    const client = createClient({ url: `file:${path.resolve(file)}` })
    // WAL with NORMAL sync: every commit survives a killed process (not a power cut).
    await client.execute('PRAGMA journal_mode = WAL')
    await client.execute('PRAGMA synchronous = NORMAL')
    await client.execute('PRAGMA busy_timeout = 10000')
    for (const statement of schema) await client.execute(statement)
    return new DeliveryLog(client, options.clock ?? (() => new Date()))
  }

  private now(): string {
    return this.clock().toISOString()
  }

  close(): void {
    this.client.close()
  }

  /**
   * The version of an article whose content hashes to `hash`: the stored one
   * if the content is unchanged, else the next one (created now, or at
   * `updated` when that is later). With `dryRun`, nothing is written.
   */
  async articleVersion(input: {
    articleId: string
    slug: string
    hash: string
    status: string
    /** The article's own `updated` (or `published`) date-time, if any. */
    updated?: string
    dryRun?: boolean
  }): Promise<ArticleVersion> {
    const found = await this.client.execute({
      sql: 'SELECT version, hash, version_created FROM articles WHERE article_id = ?',
      args: [input.articleId],
    })
    const row = found.rows[0]
    if (row && row.hash === input.hash) {
      return {
        articleId: input.articleId,
        slug: input.slug,
        version: Number(row.version),
        versionCreated: String(row.version_created),
        changed: false,
      }
    }
    const now = this.now()
    const version = row ? Number(row.version) + 1 : 1
    // The first version is as old as the article says; later ones are when the change was seen,
    // unless the article's `updated` is later still.
    let versionCreated = input.updated ?? now
    if (row) {
      const previous = Date.parse(String(row.version_created))
      const updated = input.updated ? Date.parse(input.updated) : Number.NaN
      versionCreated = updated > previous ? (input.updated as string) : now
    }
    if (!input.dryRun) {
      await this.client.execute({
        sql: `INSERT INTO articles (article_id, slug, hash, version, version_created, status, updated_at)
              VALUES (?, ?, ?, ?, ?, ?, ?)
              ON CONFLICT (article_id) DO UPDATE SET slug = excluded.slug, hash = excluded.hash,
                version = excluded.version, version_created = excluded.version_created,
                status = excluded.status, updated_at = excluded.updated_at`,
        args: [input.articleId, input.slug, input.hash, version, versionCreated, input.status, now],
      })
    }
    return { articleId: input.articleId, slug: input.slug, version, versionCreated, changed: true }
  }

  /** True when `partner` has received a version of the article older than `version`. */
  async receivedEarlier(articleId: string, partner: string, version: number): Promise<boolean> {
    const found = await this.client.execute({
      sql: `SELECT 1 FROM deliveries WHERE article_id = ? AND partner = ? AND version < ? AND state = 'delivered' LIMIT 1`,
      args: [articleId, partner, version],
    })
    return found.rows.length > 0
  }

  /**
   * Record what `partner` gets for this version: queue it (with its files),
   * or skip it with a reason. A row already queued, sending, delivered or
   * failed is left alone (nothing is sent twice); a skipped row becomes
   * queued once the article may go out. Older versions the partner has not
   * received (queued, sending, failed) are skipped as superseded, whether
   * this one is queued or skipped. Returns the row's state.
   */
  async enqueue(input: {
    articleId: string
    slug: string
    version: number
    partner: string
    kind: DeliveryKind
    files?: DeliveryFile[]
    /** Skip instead of queue, with this reason. */
    skip?: string
  }): Promise<DeliveryState> {
    const now = this.now()
    const state: DeliveryState = input.skip ? 'skipped' : 'queued'
    const files = JSON.stringify(input.files ?? [])
    const tx = await this.client.transaction('write')
    try {
      const found = await tx.execute({
        sql: 'SELECT state FROM deliveries WHERE article_id = ? AND version = ? AND partner = ?',
        args: [input.articleId, input.version, input.partner],
      })
      const existing = found.rows[0]?.state as DeliveryState | undefined
      let result: DeliveryState = existing ?? state
      if (!existing) {
        await tx.execute({
          sql: `INSERT INTO deliveries (article_id, slug, version, partner, kind, state, last_error, files, queued_at, updated_at)
                VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?)`,
          args: [
            input.articleId,
            input.slug,
            input.version,
            input.partner,
            input.kind,
            state,
            input.skip ?? null,
            files,
            now,
            now,
          ],
        })
        result = state
      } else if (existing === 'skipped') {
        await tx.execute({
          sql: `UPDATE deliveries SET state = ?, kind = ?, last_error = ?, files = ?, queued_at = ?, updated_at = ?
                WHERE article_id = ? AND version = ? AND partner = ?`,
          args: [
            state,
            input.kind,
            input.skip ?? null,
            files,
            now,
            now,
            input.articleId,
            input.version,
            input.partner,
          ],
        })
        result = state
      }
      // An older version not yet delivered is never sent any more (nor by `retry`): this one replaces it,
      // and if this one is skipped (withheld, a kill for a partner who never had it), so is the older.
      await tx.execute({
        sql: `UPDATE deliveries SET state = 'skipped', last_error = ?, updated_at = ?
              WHERE article_id = ? AND partner = ? AND version < ?
              AND state IN ('queued', 'sending', 'failed', 'skipped')`,
        args: [
          `superseded by version ${input.version}`,
          now,
          input.articleId,
          input.partner,
          input.version,
        ],
      })
      await tx.commit()
      return result
    } finally {
      tx.close()
    }
  }

  /** The state of the row of this article, version and partner, if there is one. */
  async state(
    articleId: string,
    version: number,
    partner: string,
  ): Promise<DeliveryState | undefined> {
    const found = await this.client.execute({
      sql: 'SELECT state FROM deliveries WHERE article_id = ? AND version = ? AND partner = ?',
      args: [articleId, version, partner],
    })
    return found.rows[0]?.state as DeliveryState | undefined
  }

  /** Rows waiting to be sent (queued, and sending ones a killed run left behind), oldest first. */
  async pending(partner?: string): Promise<DeliveryRow[]> {
    const args: InValue[] = []
    let sql = `SELECT * FROM deliveries WHERE state IN ('queued', 'sending')`
    if (partner !== undefined) {
      sql += ' AND partner = ?'
      args.push(partner)
    }
    const found = await this.client.execute({ sql: `${sql} ORDER BY id`, args })
    return found.rows.map((row) => toRow(row as unknown as Record<string, unknown>))
  }

  /** Every row, optionally of one partner or one state, oldest first. */
  async rows(
    filter: { partner?: string; state?: DeliveryState; articleId?: string } = {},
  ): Promise<DeliveryRow[]> {
    const where: string[] = []
    const args: InValue[] = []
    if (filter.partner !== undefined) {
      where.push('partner = ?')
      args.push(filter.partner)
    }
    if (filter.state !== undefined) {
      where.push('state = ?')
      args.push(filter.state)
    }
    if (filter.articleId !== undefined) {
      where.push('article_id = ?')
      args.push(filter.articleId)
    }
    const sql = `SELECT * FROM deliveries${where.length > 0 ? ` WHERE ${where.join(' AND ')}` : ''} ORDER BY id`
    const found = await this.client.execute({ sql, args })
    return found.rows.map((row) => toRow(row as unknown as Record<string, unknown>))
  }

  /** Counts per partner and state. */
  async summary(): Promise<Record<string, Record<DeliveryState, number>>> {
    const found = await this.client.execute(
      'SELECT partner, state, COUNT(*) AS n FROM deliveries GROUP BY partner, state ORDER BY partner',
    )
    const result: Record<string, Record<DeliveryState, number>> = {}
    for (const row of found.rows) {
      const partner = String(row.partner)
      result[partner] ??= { queued: 0, sending: 0, delivered: 0, failed: 0, skipped: 0 }
      result[partner][row.state as DeliveryState] = Number(row.n)
    }
    return result
  }

  /** Mark a row as being sent: one more attempt. */
  async markSending(id: number): Promise<void> {
    const now = this.now()
    await this.client.execute({
      sql: `UPDATE deliveries SET state = 'sending', attempts = attempts + 1,
            started_at = COALESCE(started_at, ?), updated_at = ? WHERE id = ?`,
      args: [now, now, id],
    })
  }

  /** An attempt failed but will be retried: back to `queued` with the error. */
  async markRetrying(id: number, error: string, status?: number): Promise<void> {
    await this.client.execute({
      sql: `UPDATE deliveries SET state = 'queued', last_error = ?, response_status = ?, updated_at = ? WHERE id = ?`,
      args: [error, status ?? null, this.now(), id],
    })
  }

  async markDelivered(id: number, status?: number): Promise<void> {
    const now = this.now()
    await this.client.execute({
      sql: `UPDATE deliveries SET state = 'delivered', last_error = NULL, response_status = ?,
            finished_at = ?, updated_at = ? WHERE id = ?`,
      args: [status ?? null, now, now, id],
    })
  }

  async markFailed(id: number, error: string, status?: number): Promise<void> {
    const now = this.now()
    await this.client.execute({
      sql: `UPDATE deliveries SET state = 'failed', last_error = ?, response_status = ?,
            finished_at = ?, updated_at = ? WHERE id = ?`,
      args: [error, status ?? null, now, now, id],
    })
  }

  /** Queue failed rows again (`pressroom retry`). Returns how many. */
  async requeueFailed(partner?: string): Promise<number> {
    const args: InValue[] = [this.now()]
    let sql = `UPDATE deliveries SET state = 'queued', updated_at = ? WHERE state = 'failed'`
    if (partner !== undefined) {
      sql += ' AND partner = ?'
      args.push(partner)
    }
    const result = await this.client.execute({ sql, args })
    return result.rowsAffected
  }

  /**
   * Send the newest delivered-or-failed version of an article to a partner
   * again (`pressroom resend`): a new idempotency key, so the partner takes
   * it even if it has seen the first. Matches the article by id or slug.
   */
  async resend(article: string, partner: string): Promise<DeliveryRow | undefined> {
    const found = await this.client.execute({
      sql: `SELECT * FROM deliveries WHERE (article_id = ? OR slug = ?) AND partner = ?
            AND state IN ('delivered', 'failed') ORDER BY version DESC LIMIT 1`,
      args: [article, article, partner],
    })
    if (found.rows.length === 0) return undefined
    const row = toRow(found.rows[0] as unknown as Record<string, unknown>)
    await this.client.execute({
      sql: `UPDATE deliveries SET state = 'queued', resends = resends + 1, updated_at = ? WHERE id = ?`,
      args: [this.now(), row.id],
    })
    return { ...row, state: 'queued', resends: row.resends + 1 }
  }
}

/** The idempotency key of a delivery: article id + version (+ a resend count after `resend`). */
export function idempotencyKey(
  row: Pick<DeliveryRow, 'articleId' | 'version' | 'resends'>,
): string {
  return `${row.articleId}@${row.version}${row.resends > 0 ? `/resend-${row.resends}` : ''}`
}
