import { createHmac } from 'node:crypto'
import { readFile } from 'node:fs/promises'
import http from 'node:http'
import https from 'node:https'
import type { HttpDestination } from '../config.js'
import { DeliveryError } from '../errors.js'
import type { DeliveryFile } from '../log.js'
import type { Sender, Shipment } from './types.js'

/** `sha256=<hex>`: HMAC-SHA256 of the exact body bytes with the partner's secret. */
export function signBody(body: Uint8Array | string, secret: string): string {
  return `sha256=${createHmac('sha256', secret).update(body).digest('hex')}`
}

/** `Retry-After` as milliseconds: delay-seconds or an HTTP date. */
export function parseRetryAfter(value: string | undefined, now = Date.now()): number | undefined {
  if (!value) return undefined
  const trimmed = value.trim()
  if (/^\d+$/.test(trimmed)) return Number(trimmed) * 1000
  const date = Date.parse(trimmed)
  return Number.isNaN(date) ? undefined : Math.max(0, date - now)
}

interface Answer {
  status: number
  headers: http.IncomingHttpHeaders
  body: string
}

/** One request with a connect timeout and a response timeout (the whole answer). */
function request(
  url: URL,
  method: string,
  headers: Record<string, string>,
  body: Uint8Array,
  connectTimeoutMs: number,
  responseTimeoutMs: number,
): Promise<Answer> {
  return new Promise((resolve, reject) => {
    const client = url.protocol === 'https:' ? https : http
    let settled = false
    const fail = (error: DeliveryError) => {
      if (settled) return
      settled = true
      clearTimeout(connectTimer)
      clearTimeout(responseTimer)
      req.destroy()
      reject(error)
    }
    let responseTimer: NodeJS.Timeout | undefined
    const req = client.request(url, {
      method,
      headers: { ...headers, 'Content-Length': String(body.byteLength) },
      agent: false,
    })
    const connectTimer = setTimeout(
      () =>
        fail(
          new DeliveryError(`no connection to ${url.host} within ${connectTimeoutMs} ms`, {
            retryable: true,
          }),
        ),
      connectTimeoutMs,
    )
    const startResponseTimer = () => {
      clearTimeout(connectTimer)
      responseTimer = setTimeout(
        () =>
          fail(
            new DeliveryError(
              `no complete answer from ${url.host} within ${responseTimeoutMs} ms`,
              {
                retryable: true,
              },
            ),
          ),
        responseTimeoutMs,
      )
    }
    req.on('socket', (socket) => {
      if ((socket as { connecting?: boolean }).connecting)
        socket.once('connect', startResponseTimer)
      else startResponseTimer()
    })
    req.on('error', (error: NodeJS.ErrnoException) =>
      fail(
        new DeliveryError(`${error.code ?? 'network error'}: ${error.message}`, {
          retryable: true,
          cause: error,
        }),
      ),
    )
    req.on('response', (res) => {
      const chunks: Buffer[] = []
      let size = 0
      res.on('data', (chunk: Buffer) => {
        // Keep at most 4 KB of the answer: enough for an error message.
        if (size < 4096) chunks.push(chunk)
        size += chunk.length
      })
      res.on('error', (error) =>
        fail(new DeliveryError(`answer broken off: ${error.message}`, { retryable: true })),
      )
      res.on('end', () => {
        if (settled) return
        settled = true
        clearTimeout(connectTimer)
        clearTimeout(responseTimer)
        resolve({
          status: res.statusCode ?? 0,
          headers: res.headers,
          body: Buffer.concat(chunks).toString('utf8').slice(0, 4096),
        })
      })
    })
    req.end(body)
  })
}

/**
 * An HTTP endpoint: POST (or PUT) each document with its signature and
 * idempotency key; renditions are PUT to `rendition_url` when one is set.
 * 2xx is delivered; 408, 429 (with `Retry-After`) and 5xx are retried;
 * other 4xx fail at once.
 */
export function httpSender(destination: HttpDestination): Sender {
  const sendOne = async (shipment: Shipment, file: DeliveryFile): Promise<number> => {
    const body = file.text !== undefined ? Buffer.from(file.text) : await readRendition(file)
    const key = file.document ? shipment.key : `${shipment.key}/${file.name}`
    const target = file.document
      ? destination.url
          .replaceAll('{slug}', encodeURIComponent(shipment.slug))
          .replaceAll('{version}', String(shipment.version))
      : new URL(file.name.split('/').map(encodeURIComponent).join('/'), destination.renditionUrl)
          .href
    const headers: Record<string, string> = {
      'Content-Type': (file.document && destination.contentType) || file.contentType,
      [destination.signatureHeader]: signBody(body, destination.secret),
      [destination.idempotencyHeader]: key,
      'X-Pressroom-Article': shipment.articleId,
      'X-Pressroom-Version': String(shipment.version),
      'User-Agent': 'pressroom-delivery',
    }
    const answer = await request(
      new URL(target),
      file.document ? destination.method : 'PUT',
      headers,
      body,
      destination.connectTimeoutMs,
      destination.responseTimeoutMs,
    )
    if (answer.status >= 200 && answer.status < 300) return answer.status
    const detail = answer.body.trim().replace(/\s+/g, ' ').slice(0, 200)
    const message = `HTTP ${answer.status} from ${new URL(target).host}${detail ? `: ${detail}` : ''}`
    const retryAfter = parseRetryAfter(
      Array.isArray(answer.headers['retry-after'])
        ? answer.headers['retry-after'][0]
        : answer.headers['retry-after'],
    )
    const retryable = answer.status === 408 || answer.status === 429 || answer.status >= 500
    throw new DeliveryError(message, {
      retryable,
      status: answer.status,
      ...(retryAfter !== undefined ? { retryAfterMs: retryAfter } : {}),
    })
  }

  return {
    async send(shipment) {
      let status: number | undefined
      for (const file of shipment.files) {
        if (!file.document && !destination.renditionUrl) continue
        status = await sendOne(shipment, file)
      }
      return status === undefined ? {} : { status }
    },
    async close() {},
  }
}

async function readRendition(file: DeliveryFile): Promise<Buffer> {
  try {
    return await readFile(file.source as string)
  } catch (error) {
    throw new DeliveryError(`cannot read ${file.source}: ${(error as Error).message}`, {
      retryable: false,
    })
  }
}
