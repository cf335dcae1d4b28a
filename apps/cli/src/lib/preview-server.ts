/**
 * The preview's HTTP server: GET (and HEAD) only, no write endpoint, no
 * directory listing. It serves the preview's own pages, the files of its
 * temporary build folder (`/out/...`), four browser libraries from
 * node_modules (`/vendor/...`, a fixed list), and server-sent events
 * (`/events`) that tell every open page to reload after a rebuild.
 */
import { createReadStream } from 'node:fs'
import { stat } from 'node:fs/promises'
import { createServer, type IncomingMessage, type Server, type ServerResponse } from 'node:http'
import { createRequire } from 'node:module'
import path from 'node:path'

const require = createRequire(import.meta.url)

/** The browser libraries the preview pages load, by the name they are served under. */
export const vendorFiles: Record<string, string> = {
  'pdf.min.mjs': 'pdfjs-dist/build/pdf.min.mjs',
  'pdf.worker.min.mjs': 'pdfjs-dist/build/pdf.worker.min.mjs',
  'epub.min.js': 'epubjs/dist/epub.min.js',
  'jszip.min.js': 'jszip/dist/jszip.min.js',
}

const contentTypes: Record<string, string> = {
  '.html': 'text/html; charset=utf-8',
  '.css': 'text/css; charset=utf-8',
  '.js': 'text/javascript; charset=utf-8',
  '.mjs': 'text/javascript; charset=utf-8',
  '.json': 'application/json; charset=utf-8',
  '.jsonld': 'application/ld+json; charset=utf-8',
  '.epub': 'application/epub+zip',
  '.pdf': 'application/pdf',
  '.png': 'image/png',
  '.jpg': 'image/jpeg',
  '.jpeg': 'image/jpeg',
  '.gif': 'image/gif',
  '.webp': 'image/webp',
  '.svg': 'image/svg+xml',
  '.avif': 'image/avif',
}

/**
 * The file `urlPath` names inside `root`, or undefined when it would leave it:
 * `..` (also percent-encoded, or with `\`), dot files and folders (the cache),
 * NUL bytes and malformed escapes are refused.
 */
export function resolveInside(root: string, urlPath: string): string | undefined {
  let decoded: string
  try {
    decoded = decodeURIComponent(urlPath)
  } catch {
    return undefined
  }
  if (decoded.includes('\0')) return undefined
  const segments = decoded.split(/[\\/]+/).filter(Boolean)
  if (segments.length === 0 || segments.some((segment) => segment.startsWith('.'))) return undefined
  const base = path.resolve(root)
  const file = path.resolve(base, ...segments)
  return file.startsWith(base + path.sep) ? file : undefined
}

export interface Route {
  /** The page for `pathname`, or undefined for none. */
  page(pathname: string): Promise<string | undefined>
  /** The client script (`/preview.js`). */
  script: string
}

export interface PreviewServer {
  server: Server
  /** Tell every open page that a new build is there. */
  broadcast(version: number): void
  url: string
  close(): Promise<void>
}

function send(
  response: ServerResponse,
  status: number,
  body: string,
  type = 'text/plain; charset=utf-8',
) {
  response.writeHead(status, { 'content-type': type, 'content-length': Buffer.byteLength(body) })
  response.end(response.req.method === 'HEAD' ? undefined : body)
}

const loopback = new Set(['127.0.0.1', 'localhost', '[::1]', '::1'])

/** Start the server on `host:port` (port 0: any free port). */
export async function startPreviewServer(options: {
  host: string
  port: number
  outDir: string
  routes: Route
}): Promise<PreviewServer> {
  const clients = new Set<ServerResponse>()
  const outDir = path.resolve(options.outDir)

  const handle = async (request: IncomingMessage, response: ServerResponse) => {
    response.setHeader('x-content-type-options', 'nosniff')
    response.setHeader('referrer-policy', 'no-referrer')
    response.setHeader('cache-control', 'no-store')
    if (request.method !== 'GET' && request.method !== 'HEAD') {
      response.setHeader('allow', 'GET, HEAD')
      return send(response, 405, 'Method not allowed: the preview is read-only\n')
    }
    // On a loopback address, only pages of this origin (no DNS rebinding from elsewhere).
    const hostHeader = (request.headers.host ?? '').replace(/:\d+$/, '')
    if (loopback.has(options.host) && !loopback.has(hostHeader))
      return send(response, 403, 'Forbidden\n')
    // The raw path, not normalised, so that `..` cannot be resolved away before it is checked.
    const raw = (request.url ?? '/').split(/[?#]/)[0] ?? '/'
    if (raw === '/events') {
      response.writeHead(200, {
        'content-type': 'text/event-stream; charset=utf-8',
        'cache-control': 'no-store',
        connection: 'keep-alive',
      })
      response.write('retry: 500\n\n')
      clients.add(response)
      request.on('close', () => clients.delete(response))
      return
    }
    if (raw === '/preview.js')
      return send(response, 200, options.routes.script, contentTypes['.js'])
    if (raw.startsWith('/vendor/')) {
      const target = vendorFiles[raw.slice('/vendor/'.length)]
      if (!target) return send(response, 404, 'Not found\n')
      // The libraries do not change while the preview runs: reloads after a save reuse them.
      response.setHeader('cache-control', 'max-age=3600')
      return sendFile(response, require.resolve(target))
    }
    if (raw.startsWith('/out/') || raw.startsWith('/held/')) {
      // `/held/` is the build's held folder (embargoed and canceled articles, kept out of `/out/`).
      const file = raw.startsWith('/held/')
        ? resolveInside(path.join(outDir, '.held'), raw.slice('/held/'.length))
        : resolveInside(outDir, raw.slice('/out/'.length))
      if (!file) return send(response, 403, 'Forbidden: outside the preview build\n')
      return sendFile(response, file)
    }
    const html = await options.routes.page(raw)
    if (html === undefined) return send(response, 404, 'Not found\n')
    return send(response, 200, html, contentTypes['.html'])
  }

  const server = createServer((request, response) => {
    handle(request, response).catch((error) => {
      if (!response.headersSent) send(response, 500, `Preview error: ${(error as Error).message}\n`)
      else response.end()
    })
  })
  await new Promise<void>((resolve, reject) => {
    server.once('error', reject)
    server.listen(options.port, options.host, () => resolve())
  })
  const address = server.address()
  const port = typeof address === 'object' && address ? address.port : options.port
  const host = options.host.includes(':') ? `[${options.host}]` : options.host
  // Keep the event streams alive through proxies and idle timeouts.
  const ping = setInterval(() => {
    for (const client of clients) client.write(': ping\n\n')
  }, 15_000)
  ping.unref()
  return {
    server,
    url: `http://${host}:${port}/`,
    broadcast(version) {
      for (const client of clients) client.write(`event: build\ndata: {"version":${version}}\n\n`)
    },
    async close() {
      clearInterval(ping)
      for (const client of clients) client.end()
      const closed = new Promise((resolve) => server.close(resolve))
      // Keep-alive connections of open browser tabs would hold the server open.
      server.closeAllConnections()
      await closed
    },
  }
}

async function sendFile(response: ServerResponse, file: string): Promise<void> {
  const info = await stat(file).catch(() => undefined)
  // No directory listing: a folder is "not found".
  if (!info?.isFile()) return send(response, 404, 'Not found\n')
  response.writeHead(200, {
    'content-type': contentTypes[path.extname(file).toLowerCase()] ?? 'application/octet-stream',
    'content-length': info.size,
  })
  if (response.req.method === 'HEAD') return void response.end()
  createReadStream(file).pipe(response)
}
