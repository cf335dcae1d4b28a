import { mkdirSync, writeFileSync } from 'node:fs'
import path from 'node:path'
import { temp } from '@pressroom/test-helpers'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { PartnerServer } from '../../packages/delivery/test/partner-server.js'
import { pressroomAsync } from './delivery-helpers.js'

const names = ['alpha', 'beta', 'gamma'] as const
const servers: Record<string, PartnerServer> = {}
const env: Record<string, string> = {}

beforeAll(async () => {
  for (const name of names) {
    env[`${name.toUpperCase()}_SECRET`] = `secret-of-${name}`
    servers[name] = await new PartnerServer(`secret-of-${name}`).start()
  }
})
afterAll(async () => {
  for (const server of Object.values(servers)) await server.stop()
})

describe('pressroom publish after kill -9', () => {
  it('delivers every document exactly once per partner (by idempotency key), none lost', async () => {
    const folder = temp('pressroom-resume-')
    const content = path.join(folder, 'content')
    mkdirSync(content)
    writeFileSync(
      path.join(content, 'pressroom.yaml'),
      `base_url: https://news.example.org/\npublisher: Resume Desk\npartners:\n${names
        .map(
          (name) =>
            `  ${name}:\n    format: ninjs\n    destination:\n      type: http\n      url: ${servers[name].url}\n      secret_env: ${name.toUpperCase()}_SECRET\n      backoff: 0.05\n`,
        )
        .join('')}`,
    )
    for (let index = 1; index <= 200; index++) {
      const n = String(index).padStart(3, '0')
      writeFileSync(
        path.join(content, `story-${n}.md`),
        `---\ntitle: Story number ${index}\npublished: 2024-01-01T00:00:00Z\n---\n\nThe body of story ${index}, with a few words to carry.\n`,
      )
    }
    const out = path.join(folder, 'out')
    const args = ['publish', content, '--out', out, '--format', 'ninjs', '--jobs', '2']

    // Kill the publisher, without warning, in the middle of delivering (after 150 of 600).
    let pid = 0
    let killed = false
    const total = () => names.reduce((sum, name) => sum + servers[name].processed.size, 0)
    for (const name of names) {
      servers[name].answer = () => {
        if (!killed && total() >= 150) {
          killed = true
          process.kill(pid, 'SIGKILL')
        }
        return { status: 200 }
      }
    }
    const first = await pressroomAsync(args, { env, onSpawn: (id) => (pid = id) })
    expect(first.signal, first.stderr).toBe('SIGKILL')
    const before = total()
    expect(before).toBeGreaterThanOrEqual(150)
    expect(before).toBeLessThan(600)

    const second = await pressroomAsync(args, { env })
    expect(second.status, second.stderr).toBe(0)
    expect(second.stderr).toContain('Delivery:')

    for (const name of names) {
      const server = servers[name]
      const expected = Array.from(
        { length: 200 },
        (_, i) => `https://news.example.org/articles/story-${String(i + 1).padStart(3, '0')}@1`,
      )
      // None lost: every article reached every partner.
      expect([...server.processed.keys()].sort(), name).toEqual(expected)
      // Exactly once by idempotency key; on the wire, a repeat only for what was in flight at the kill
      // (at most the 4 deliveries a partner has in flight), never a re-send of what the log had as delivered.
      const repeats = [...server.accepted.values()].reduce((sum, count) => sum + count - 1, 0)
      expect(repeats, name).toBeLessThanOrEqual(4)
      expect(server.received.every((request) => request.signatureOk)).toBe(true)
      for (const document of server.documents().values()) expect(document.version).toBe('1')
    }

    // The log agrees: 600 delivered, nothing queued or failed; a third run sends nothing.
    const status = await pressroomAsync(['status', '--out', out, '--json'])
    const report = JSON.parse(status.stdout)
    for (const name of names)
      expect(report.partners[name]).toEqual({
        queued: 0,
        sending: 0,
        delivered: 200,
        failed: 0,
        skipped: 0,
      })
    const received = names.map((name) => servers[name].received.length)
    const third = await pressroomAsync(args, { env })
    expect(third.status, third.stderr).toBe(0)
    expect(names.map((name) => servers[name].received.length)).toEqual(received)
  }, 900_000)
})
