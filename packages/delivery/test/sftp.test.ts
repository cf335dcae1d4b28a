import { randomBytes } from 'node:crypto'
import {
  existsSync,
  mkdtempSync,
  readdirSync,
  readFileSync,
  statSync,
  writeFileSync,
} from 'node:fs'
import { tmpdir } from 'node:os'
import path from 'node:path'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import {
  DeliveryLog,
  deliverPending,
  parseDestinations,
  type SftpDestination,
} from '../src/index.js'
import { Sshd } from './sshd.js'

let sshd: Sshd
beforeAll(async () => {
  sshd = await new Sshd().start()
})
afterAll(async () => {
  await sshd?.stop()
})

function destination(remote: string, key = sshd.userKey, port = sshd.port): SftpDestination {
  const yaml = `partners:\n  print:\n    format: ninjs\n    destination:\n      type: sftp\n      host: 127.0.0.1\n      port: ${port}\n      username: ${sshd.username}\n      key_file: ${key}\n      path: ${remote}\n      backoff: 0.05\n      max_attempts: 3\n      connect_timeout: 10\n`
  const { destinations, messages } = parseDestinations(yaml)
  expect(messages).toEqual([])
  return destinations.print as SftpDestination
}

const listAll = (folder: string): string[] =>
  readdirSync(folder, { recursive: true }).map(String).sort()

describe('sftp destination (a real OpenSSH server)', () => {
  it('uploads each file as NAME.part and renames it: a watcher only ever sees whole files', async () => {
    const work = mkdtempSync(path.join(tmpdir(), 'pressroom-sftp-'))
    const remote = path.join(work, 'incoming')
    const pdf = path.join(work, 'story.pdf')
    const bytes = randomBytes(6 * 1024 * 1024)
    writeFileSync(pdf, bytes)
    const log = await DeliveryLog.open(path.join(work, 'log.db'))
    const document = '{"uri":"urn:story","headlines":[{"role":"main","value":"Story"}]}\n'
    await log.enqueue({
      articleId: 'urn:story',
      slug: 'story',
      version: 1,
      partner: 'print',
      kind: 'new',
      files: [
        {
          name: 'story/story.ninjs.json',
          contentType: 'application/json',
          document: true,
          text: document,
        },
        { name: 'story/story.pdf', contentType: 'application/pdf', document: false, source: pdf },
      ],
    })
    // Watch the partner's folder while the upload runs: any final name seen must be complete.
    const seen: { name: string; size: number }[] = []
    let watching = true
    const watcher = (async () => {
      while (watching) {
        const folder = path.join(remote, 'story')
        if (existsSync(folder)) {
          for (const name of readdirSync(folder)) {
            try {
              seen.push({ name, size: statSync(path.join(folder, name)).size })
            } catch {}
          }
        }
        await new Promise((resolve) => setTimeout(resolve, 2))
      }
    })()
    const summary = await deliverPending(log, { print: destination(remote) })
    watching = false
    await watcher
    expect(summary.partners.print).toEqual({ delivered: 1, failed: 0 })
    expect(listAll(remote)).toEqual(['story', 'story/story.ninjs.json', 'story/story.pdf'])
    expect(readFileSync(path.join(remote, 'story/story.pdf')).equals(bytes)).toBe(true)
    expect(readFileSync(path.join(remote, 'story/story.ninjs.json'), 'utf8')).toBe(document)
    const finals = seen.filter((entry) => !entry.name.endsWith('.part'))
    for (const entry of finals)
      expect(entry.size, entry.name).toBe(
        entry.name.endsWith('.pdf') ? bytes.length : Buffer.byteLength(document),
      )
    // The upload was seen in progress under its .part name (so the watcher really looked).
    expect(seen.some((entry) => entry.name === 'story.pdf.part')).toBe(true)
    // The rendition is in place before the document that links it.
    const firstDocument = seen.findIndex((entry) => entry.name === 'story.ninjs.json')
    const firstPdf = seen.findIndex((entry) => entry.name === 'story.pdf')
    if (firstDocument >= 0) expect(firstPdf).toBeGreaterThanOrEqual(0)
    if (firstDocument >= 0) expect(firstPdf).toBeLessThanOrEqual(firstDocument)

    // An update replaces the document in place.
    await log.enqueue({
      articleId: 'urn:story',
      slug: 'story',
      version: 2,
      partner: 'print',
      kind: 'update',
      files: [
        {
          name: 'story/story.ninjs.json',
          contentType: 'application/json',
          document: true,
          text: '{"uri":"urn:story","version":"2"}\n',
        },
      ],
    })
    await deliverPending(log, { print: destination(remote) })
    expect(
      JSON.parse(readFileSync(path.join(remote, 'story/story.ninjs.json'), 'utf8')).version,
    ).toBe('2')
    expect(listAll(remote).filter((name) => name.endsWith('.part'))).toEqual([])
    log.close()
  })

  it('a key the server does not know: failed at once, not retried', async () => {
    const work = mkdtempSync(path.join(tmpdir(), 'pressroom-sftp-'))
    const log = await DeliveryLog.open(path.join(work, 'log.db'))
    await log.enqueue({
      articleId: 'urn:a',
      slug: 'a',
      version: 1,
      partner: 'print',
      kind: 'new',
      files: [
        { name: 'a/a.ninjs.json', contentType: 'application/json', document: true, text: '{}' },
      ],
    })
    await deliverPending(log, { print: destination(path.join(work, 'in'), sshd.strangerKey) })
    const [row] = await log.rows()
    expect(row).toMatchObject({ state: 'failed', attempts: 1 })
    expect(row.lastError).toMatch(/authentication/i)
    expect(existsSync(path.join(work, 'in'))).toBe(false)
    log.close()
  })
})
