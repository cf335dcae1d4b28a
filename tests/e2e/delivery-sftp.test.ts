import { cpSync, existsSync, mkdirSync, readdirSync, readFileSync, writeFileSync } from 'node:fs'
import path from 'node:path'
import { root, temp } from '@pressroom/test-helpers'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { Sshd } from '../../packages/delivery/test/sshd.js'
import { pressroomAsync } from './delivery-helpers.js'

let sshd: Sshd
beforeAll(async () => {
  sshd = await new Sshd().start()
})
afterAll(async () => {
  await sshd?.stop()
})

describe('pressroom publish to an SFTP partner (a real OpenSSH server)', () => {
  it('uploads the document, its EPUB, PDF and images whole; an update replaces the document', async () => {
    const folder = temp('pressroom-sftp-e2e-')
    const content = path.join(folder, 'content')
    mkdirSync(path.join(content, 'keys'), { recursive: true })
    // A real article with images, from content/.
    cpSync(
      path.join(root, 'content/seawater-to-tap-water.md'),
      path.join(content, 'seawater-to-tap-water.md'),
    )
    cpSync(path.join(root, 'content/images'), path.join(content, 'images'), { recursive: true })
    cpSync(sshd.userKey, path.join(content, 'keys/print_ed25519'))
    const remote = path.join(folder, 'partner-incoming')
    writeFileSync(
      path.join(content, 'pressroom.yaml'),
      `base_url: https://news.example.org/
publisher: SFTP Desk
partners:
  print:
    format: ninjs
    destination:
      type: sftp
      host: 127.0.0.1
      port: ${sshd.port}
      username: ${sshd.username}
      key_file: keys/print_ed25519
      path: ${remote}
      backoff: 0.1
`,
    )
    const out = path.join(folder, 'out')
    const run = await pressroomAsync([
      'publish',
      content,
      '--out',
      out,
      '--now',
      '2026-01-01T00:00:00Z',
    ])
    expect(run.status, run.stderr).toBe(0)
    expect(run.stderr).toContain('✓ print  seawater-to-tap-water v1 (new)')
    const slug = 'seawater-to-tap-water'
    const uploaded = readdirSync(remote, { recursive: true }).map(String).sort()
    expect(uploaded).toEqual(
      expect.arrayContaining([
        `${slug}/${slug}.ninjs.json`,
        `${slug}/${slug}.epub`,
        `${slug}/${slug}.pdf`,
        `${slug}/images/desalination-energy.png`,
        `${slug}/images/halvard-membrane-hall.jpg`,
      ]),
    )
    expect(uploaded.filter((name) => name.endsWith('.part'))).toEqual([])
    // Whole files: byte-identical to what was built.
    for (const file of [`${slug}.epub`, `${slug}.pdf`, 'images/halvard-membrane-hall.jpg'])
      expect(
        readFileSync(path.join(remote, slug, file)).equals(
          readFileSync(path.join(out, slug, file)),
        ),
        file,
      ).toBe(true)
    const first = JSON.parse(readFileSync(path.join(remote, slug, `${slug}.ninjs.json`), 'utf8'))
    expect(first.version).toBe('1')
    expect(first.renditions.map((r: { href: string }) => r.href)).toEqual([
      `https://news.example.org/${slug}/${slug}.epub`,
      `https://news.example.org/${slug}/${slug}.pdf`,
    ])

    // An update: the partner's document is replaced in place by version 2.
    const source = path.join(content, `${slug}.md`)
    writeFileSync(source, `${readFileSync(source, 'utf8')}\nA paragraph added in an update.\n`)
    const again = await pressroomAsync([
      'publish',
      content,
      '--out',
      out,
      '--now',
      '2026-01-01T00:00:00Z',
    ])
    expect(again.status, again.stderr).toBe(0)
    expect(again.stderr).toContain('✓ print  seawater-to-tap-water v2 (update)')
    const second = JSON.parse(readFileSync(path.join(remote, slug, `${slug}.ninjs.json`), 'utf8'))
    expect(second.version).toBe('2')
    expect(JSON.stringify(second.bodies)).toContain('A paragraph added in an update.')
    expect(existsSync(path.join(remote, slug, `${slug}.ninjs.json.part`))).toBe(false)
  }, 600_000)
})
