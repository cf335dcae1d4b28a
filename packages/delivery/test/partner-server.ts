import { createHmac, timingSafeEqual } from 'node:crypto'
import http from 'node:http'
import type { AddressInfo } from 'node:net'

/** A request as the partner saw it. */
export interface Received {
  method: string
  url: string
  key: string
  contentType: string
  signatureOk: boolean
  body: string
  at: number
  /** 1 for the first request with this key, 2 for the next ... */
  attempt: number
}

export type Answer = { status: number; headers?: Record<string, string>; body?: string } | 'hang'

/**
 * A partner's ingest endpoint on 127.0.0.1 (a random port): checks the
 * HMAC-SHA256 signature over the body and the idempotency key, and
 * processes each key once (a repeat is answered 200 but not processed again).
 */
export class PartnerServer {
  readonly received: Received[] = []
  /** Processed documents by idempotency key: each key is processed once (the partner de-duplicates). */
  readonly processed = new Map<string, number>()
  /** Accepted (2xx) requests per key on the wire, repeats included. */
  readonly accepted = new Map<string, number>()
  /** Decide the answer; default 200. */
  answer: (request: Received) => Answer = () => ({ status: 200 })
  url = ''
  private server: http.Server | undefined
  private readonly sockets = new Set<import('node:net').Socket>()

  constructor(
    readonly secret: string,
    readonly signatureHeader = 'x-pressroom-signature',
  ) {}

  async start(): Promise<this> {
    this.server = http.createServer((req, res) => {
      const chunks: Buffer[] = []
      req.on('data', (chunk: Buffer) => chunks.push(chunk))
      req.on('end', () => {
        const body = Buffer.concat(chunks)
        const key = String(req.headers['idempotency-key'] ?? '')
        const expected = Buffer.from(
          `sha256=${createHmac('sha256', this.secret).update(body).digest('hex')}`,
        )
        const given = Buffer.from(String(req.headers[this.signatureHeader] ?? ''))
        const signatureOk = given.length === expected.length && timingSafeEqual(given, expected)
        const request: Received = {
          method: req.method ?? '',
          url: req.url ?? '',
          key,
          contentType: String(req.headers['content-type'] ?? ''),
          signatureOk,
          body: body.toString('utf8'),
          at: Date.now(),
          attempt: this.received.filter((r) => r.key === key).length + 1,
        }
        this.received.push(request)
        if (!signatureOk || !key) {
          res.writeHead(401).end('bad signature or no idempotency key')
          return
        }
        const answer = this.answer(request)
        if (answer === 'hang') return
        if (answer.status >= 200 && answer.status < 300) {
          this.accepted.set(key, (this.accepted.get(key) ?? 0) + 1)
          if (!this.processed.has(key)) this.processed.set(key, 1)
        }
        res.writeHead(answer.status, answer.headers).end(answer.body ?? '')
      })
    })
    this.server.on('connection', (socket) => {
      this.sockets.add(socket)
      socket.on('close', () => this.sockets.delete(socket))
    })
    await new Promise<void>((resolve) => this.server!.listen(0, '127.0.0.1', resolve))
    this.url = `http://127.0.0.1:${(this.server.address() as AddressInfo).port}/ingest`
    return this
  }

  /** The documents processed, parsed, by key. */
  documents(): Map<string, Record<string, unknown>> {
    const result = new Map<string, Record<string, unknown>>()
    for (const request of this.received) {
      if (!this.processed.has(request.key) || result.has(request.key)) continue
      result.set(request.key, JSON.parse(request.body))
    }
    return result
  }

  /** Requests with `key`. */
  requests(key: string): Received[] {
    return this.received.filter((request) => request.key === key)
  }

  async stop(): Promise<void> {
    for (const socket of this.sockets) socket.destroy()
    await new Promise<void>((resolve) => this.server?.close(() => resolve()) ?? resolve())
  }
}
