import { describe, expect, it } from 'vitest'
import { parseDestinations } from '../src/index.js'

const yaml = `base_url: https://news.example.org/
partners:
  wire:
    format: ninjs
    destination:
      type: http
      url: https://wire.example.com/ingest
      secret_env: WIRE_SECRET
  carrier-pigeon:
    format: ninjs
    destination:
      type: pigeon
  no-secret:
    format: ninjs
    destination:
      type: http
      url: https://partner.example.com/in
      secret_env: MISSING_SECRET
  bad-url:
    format: jsonld
    destination:
      type: http
      url: ftp//nowhere
      secret_env: WIRE_SECRET
  print:
    format: ninjs
    destination:
      type: sftp
      host: sftp.example.com
      username: pressroom
      key_file: keys/print_ed25519
      path: /incoming
      port: 2222
  drop:
    format: jsonld
    destination:
      type: folder
      path: ../drop
  default:
    format: ninjs
`

describe('parseDestinations', () => {
  it('reads every destination type and reports bad entries with line and column', () => {
    const { destinations, messages } = parseDestinations(yaml, {
      env: { WIRE_SECRET: 's3cret' },
      configDir: '/srv/content',
      stateDir: '/srv/out/.pressroom-delivery',
    })
    expect(messages.map((m) => [m.field, m.line, m.column, m.severity])).toEqual([
      ['partners.carrier-pigeon.destination.type', 12, 13, 'error'],
      ['partners.no-secret.destination.secret_env', 18, 19, 'error'],
      ['partners.bad-url.destination.url', 23, 12, 'error'],
    ])
    expect(messages[0].message).toContain(
      '`pigeon` is not a destination type: use http, sftp or folder',
    )
    expect(messages[1].message).toContain('`MISSING_SECRET` is not set')
    expect(messages[2].message).toContain('`ftp//nowhere` is not an absolute http(s) URL')
    expect(Object.keys(destinations).sort()).toEqual(['default', 'drop', 'print', 'wire'])
    expect(destinations.wire).toMatchObject({
      type: 'http',
      method: 'POST',
      secret: 's3cret',
      secretEnv: 'WIRE_SECRET',
      connectTimeoutMs: 10_000,
      responseTimeoutMs: 30_000,
      maxAttempts: 5,
    })
    expect(destinations.print).toMatchObject({
      type: 'sftp',
      port: 2222,
      keyFile: '/srv/content/keys/print_ed25519',
      path: '/incoming',
    })
    expect(destinations.drop).toMatchObject({ type: 'folder', path: '/srv/drop' })
    expect(destinations.default).toMatchObject({
      type: 'folder',
      path: '/srv/out/.pressroom-delivery/outbox/default',
    })
  })

  it('warns about an unknown setting at its key and refuses a secret written into the YAML', () => {
    const { messages } = parseDestinations(
      'partners:\n  wire:\n    destination:\n      type: http\n      url: https://w.example/\n      secret_env: "abc-123 secret!"\n      retries: 3\n',
      { env: {} },
    )
    expect(messages.map((m) => [m.field, m.line, m.column, m.severity])).toEqual([
      ['partners.wire.destination.retries', 7, 7, 'warning'],
      ['partners.wire.destination.secret_env', 6, 19, 'error'],
    ])
    expect(messages[1].message).toContain('NAME of an environment variable')
  })
})
