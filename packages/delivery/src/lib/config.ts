/**
 * The `destination:` of each partner in the publication config, validated
 * with the line and column of every problem, before anything is sent.
 */
import path from 'node:path'
import { isMap, isScalar, isSeq, LineCounter, type Node, parseDocument } from 'yaml'

/** Retry settings shared by every destination type. */
export interface RetrySettings {
  /** Attempts in one run before the delivery is `failed`. Default 5. */
  maxAttempts: number
  /** First back-off delay in ms (doubled each attempt, with jitter). Default 1000. */
  backoffMs: number
  /** Longest back-off delay in ms. Default 60000. */
  maxBackoffMs: number
  /** Longest `Retry-After` honoured, in ms (a longer one waits this long). Default 300000. */
  maxRetryAfterMs: number
}

export interface HttpDestination extends RetrySettings {
  type: 'http'
  /** The partner's endpoint; `{slug}` and `{version}` are replaced. */
  url: string
  method: 'POST' | 'PUT'
  /** The name of the environment variable holding the HMAC secret (never the secret itself). */
  secretEnv: string
  /** The secret, read from `secretEnv`. */
  secret: string
  /** Header carrying `sha256=<hex HMAC-SHA256 of the body>`. Default `X-Pressroom-Signature`. */
  signatureHeader: string
  /** Header carrying the idempotency key. Default `Idempotency-Key`. */
  idempotencyHeader: string
  /** Overrides the document's media type. */
  contentType?: string
  connectTimeoutMs: number
  responseTimeoutMs: number
  /** When set, renditions are PUT to `<rendition_url>/<slug>/<file>`; else they are only linked. */
  renditionUrl?: string
}

export interface SftpDestination extends RetrySettings {
  type: 'sftp'
  host: string
  port: number
  username: string
  /** Absolute path of the private key file. */
  keyFile: string
  /** Remote folder the files go into (`<path>/<slug>/...`). */
  path: string
  connectTimeoutMs: number
}

export interface FolderDestination extends RetrySettings {
  type: 'folder'
  /** Absolute path of the drop folder. */
  path: string
}

export type Destination = HttpDestination | SftpDestination | FolderDestination

export interface DestinationMessage {
  /** Dotted path of the field, e.g. `partners.wire.destination.url`. */
  field: string
  message: string
  line: number
  column: number
  severity: 'error' | 'warning'
}

export interface ParseDestinationsOptions {
  /** Where relative paths (`key_file`, folder `path`) resolve. Default: the working folder. */
  configDir?: string
  /** Where the default drop folders go: `<stateDir>/outbox/<partner>/`. Required for the default. */
  stateDir?: string
  /** The environment secrets are read from. Default `process.env`. */
  env?: Record<string, string | undefined>
}

export const destinationTypes = ['http', 'sftp', 'folder'] as const

const keysByType: Record<string, string[]> = {
  http: [
    'url',
    'method',
    'secret_env',
    'signature_header',
    'idempotency_header',
    'content_type',
    'connect_timeout',
    'response_timeout',
    'rendition_url',
  ],
  sftp: ['host', 'port', 'username', 'key_file', 'path', 'connect_timeout'],
  folder: ['path'],
}
const retryKeys = ['max_attempts', 'backoff', 'max_backoff', 'max_retry_after']

/** A YAML text with positions: the point of a value (or its key) at a path. */
export class YamlPositions {
  readonly data: unknown
  readonly errors: { message: string; line: number; column: number }[]
  private readonly document: ReturnType<typeof parseDocument>
  private readonly lines: LineCounter

  constructor(text: string) {
    this.lines = new LineCounter()
    this.document = parseDocument(text, { lineCounter: this.lines, prettyErrors: false })
    this.errors = this.document.errors.map((error) => ({
      message: error.message.split('\n')[0],
      ...this.point(error.pos[0]),
    }))
    this.data = this.errors.length > 0 ? undefined : this.document.toJS()
  }

  private point(offset: number): { line: number; column: number } {
    const { line, col } = this.lines.linePos(offset)
    return { line, column: col }
  }

  /** The point of the value at `at` (or the key with `key`), else of the closest parent. */
  at(at: ReadonlyArray<string | number>, key = false): { line: number; column: number } {
    let node: unknown = this.document.contents
    let best = { line: 1, column: 1 }
    const range = (value: unknown) => (value as Node | null)?.range
    if (range(node)) best = this.point(range(node)![0])
    for (let index = 0; index < at.length; index++) {
      const segment = at[index]
      if (isMap(node)) {
        const pair = node.items.find((item) => isScalar(item.key) && item.key.value === segment)
        if (!pair) return best
        if (index === at.length - 1 && key && range(pair.key))
          return this.point(range(pair.key)![0])
        node = pair.value
        const where = range(node) ?? range(pair.key)
        if (where) best = this.point(where[0])
      } else if (isSeq(node) && typeof segment === 'number') {
        node = node.items[segment]
        if (range(node)) best = this.point(range(node)![0])
      } else return best
    }
    return best
  }
}

function isRecord(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value)
}

/**
 * Read every partner's `destination:` from the text of `pressroom.yaml`.
 * A partner without one gets a drop folder, `<stateDir>/outbox/<partner>/`.
 * Problems come back with line and column; a partner with an error has no
 * destination (and must not be delivered to). Never throws.
 */
export function parseDestinations(
  text: string,
  options: ParseDestinationsOptions = {},
): { destinations: Record<string, Destination>; messages: DestinationMessage[] } {
  const yaml = new YamlPositions(text)
  const destinations: Record<string, Destination> = {}
  const messages: DestinationMessage[] = []
  if (!isRecord(yaml.data) || !isRecord(yaml.data.partners)) return { destinations, messages }
  const env = options.env ?? process.env
  const configDir = options.configDir ?? process.cwd()
  for (const [name, settings] of Object.entries(yaml.data.partners)) {
    if (!isRecord(settings)) continue
    const base = ['partners', name, 'destination']
    let failed = false
    const report = (
      field: string | number | undefined,
      message: string,
      severity: 'error' | 'warning' = 'error',
      key = false,
    ) => {
      const at = field === undefined ? base : [...base, field]
      if (severity === 'error') failed = true
      messages.push({ field: at.join('.'), message, severity, ...yaml.at(at, key) })
    }
    const raw = settings.destination
    if (raw === undefined || raw === null) {
      if (options.stateDir) {
        destinations[name] = {
          type: 'folder',
          path: path.join(options.stateDir, 'outbox', name),
          ...retryDefaults(),
        }
      }
      continue
    }
    if (!isRecord(raw)) {
      report(undefined, 'must be a mapping with a `type` (http, sftp or folder)')
      continue
    }
    const type = raw.type ?? 'folder'
    if (typeof type !== 'string' || !(type in keysByType)) {
      report(
        'type',
        `\`${String(type)}\` is not a destination type: use http, sftp or folder; partner not delivered to`,
      )
      continue
    }
    for (const key of Object.keys(raw)) {
      if (key !== 'type' && !keysByType[type].includes(key) && !retryKeys.includes(key))
        report(
          key,
          `unknown setting for a ${type} destination; expected one of ${[...keysByType[type], ...retryKeys].join(', ')}`,
          'warning',
          true,
        )
    }
    const seconds = (key: string, fallback: number, allowZero = false): number => {
      const value = raw[key]
      if (value === undefined) return fallback * 1000
      if (
        typeof value !== 'number' ||
        !Number.isFinite(value) ||
        value < 0 ||
        (!allowZero && value === 0)
      ) {
        report(key, 'must be a number of seconds (fractions allowed)')
        return fallback * 1000
      }
      return Math.round(value * 1000)
    }
    const text = (key: string, required: boolean): string | undefined => {
      const value = raw[key]
      if (value === undefined || value === null || value === '') {
        if (required) report(key, `\`${key}\` is required for a ${type} destination`)
        return undefined
      }
      if (typeof value !== 'string' && typeof value !== 'number') {
        report(key, 'must be text')
        return undefined
      }
      return String(value)
    }
    const attempts = raw.max_attempts
    let maxAttempts = 5
    if (attempts !== undefined) {
      if (typeof attempts === 'number' && Number.isInteger(attempts) && attempts >= 1)
        maxAttempts = attempts
      else report('max_attempts', 'must be a whole number of at least 1')
    }
    const retry: RetrySettings = {
      maxAttempts,
      backoffMs: seconds('backoff', 1, true),
      maxBackoffMs: seconds('max_backoff', 60, true),
      maxRetryAfterMs: seconds('max_retry_after', 300, true),
    }
    if (type === 'http') {
      const url = text('url', true)
      if (
        url !== undefined &&
        !isHttpUrl(url.replaceAll('{slug}', 'x').replaceAll('{version}', '1'))
      )
        report('url', `\`${url}\` is not an absolute http(s) URL`)
      const renditionUrl = text('rendition_url', false)
      if (renditionUrl !== undefined && !isHttpUrl(renditionUrl))
        report('rendition_url', `\`${renditionUrl}\` is not an absolute http(s) URL`)
      const method = (text('method', false) ?? 'POST').toUpperCase()
      if (method !== 'POST' && method !== 'PUT') report('method', 'must be POST or PUT')
      const secretEnv = text('secret_env', true)
      let secret = ''
      if (secretEnv !== undefined) {
        if (!/^[A-Za-z_][A-Za-z0-9_]*$/.test(secretEnv))
          report(
            'secret_env',
            'must be the NAME of an environment variable (never the secret itself)',
          )
        else if (!env[secretEnv])
          report(
            'secret_env',
            `the environment variable \`${secretEnv}\` is not set: export it with the partner's signing secret before publishing`,
          )
        else secret = env[secretEnv] as string
      }
      const destination: HttpDestination = {
        type: 'http',
        url: url ?? '',
        method: method === 'PUT' ? 'PUT' : 'POST',
        secretEnv: secretEnv ?? '',
        secret,
        signatureHeader: text('signature_header', false) ?? 'X-Pressroom-Signature',
        idempotencyHeader: text('idempotency_header', false) ?? 'Idempotency-Key',
        connectTimeoutMs: seconds('connect_timeout', 10),
        responseTimeoutMs: seconds('response_timeout', 30),
        ...retry,
      }
      const contentType = text('content_type', false)
      if (contentType) destination.contentType = contentType
      if (renditionUrl)
        destination.renditionUrl = renditionUrl.endsWith('/') ? renditionUrl : `${renditionUrl}/`
      if (!failed) destinations[name] = destination
    } else if (type === 'sftp') {
      const host = text('host', true)
      const username = text('username', true)
      const keyFile = text('key_file', true)
      const remote = text('path', false) ?? '.'
      const port = raw.port ?? 22
      if (typeof port !== 'number' || !Number.isInteger(port) || port < 1 || port > 65535)
        report('port', 'must be a port number (1-65535)')
      if (!failed && host && username && keyFile) {
        destinations[name] = {
          type: 'sftp',
          host,
          port: port as number,
          username,
          keyFile: path.resolve(configDir, keyFile),
          path: remote,
          connectTimeoutMs: seconds('connect_timeout', 10),
          ...retry,
        }
      }
    } else {
      const folder = text('path', true)
      if (!failed && folder)
        destinations[name] = { type: 'folder', path: path.resolve(configDir, folder), ...retry }
    }
  }
  return { destinations, messages }
}

function isHttpUrl(value: string): boolean {
  try {
    const url = new URL(value)
    return url.protocol === 'http:' || url.protocol === 'https:'
  } catch {
    return false
  }
}

function retryDefaults(): RetrySettings {
  return { maxAttempts: 5, backoffMs: 1000, maxBackoffMs: 60_000, maxRetryAfterMs: 300_000 }
}
