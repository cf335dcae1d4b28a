import { spawnSync } from 'node:child_process'
import { createHash } from 'node:crypto'
import { readFileSync } from 'node:fs'
import { fileURLToPath } from 'node:url'
import { describe, expect, test } from 'vitest'
import { SchemaValidationError, validateJsonFeed, validateNinjs } from '../src/index.js'

const read = (name: string) => readFileSync(new URL(`../schemas/${name}`, import.meta.url), 'utf8')
const sha256 = (text: string) => createHash('sha256').update(text).digest('hex')

describe('vendored schemas', () => {
  test('the generated validators are compiled from the vendored files as they are now', () => {
    const script = fileURLToPath(new URL('../scripts/generate-validators.mjs', import.meta.url))
    const run = spawnSync(process.execPath, [script, '--check'], { encoding: 'utf8' })
    expect(run.stderr).toBe('')
    expect(run.status).toBe(0)
  })

  test('the vendored files are the ones SOURCES.md names (sha256)', () => {
    const sources = read('SOURCES.md')
    for (const [name, text] of [
      ['ninjs-schema_3.2.json', read('ninjs-schema_3.2.json')],
      ['ninjs-schema_2.3.json', read('ninjs-schema_2.3.json')],
      ['GeoJSON-schema.json', read('GeoJSON-schema.json')],
    ]) {
      expect(sources).toContain(`${sha256(text)}\`  ${name}`)
    }
  })
})

describe('validateNinjs', () => {
  test('accepts the smallest valid document in both versions', () => {
    expect(validateNinjs({ uri: 'urn:example:1' }, '3.2')).toEqual([])
    expect(validateNinjs({ uri: 'urn:example:1' }, '2.3')).toEqual([])
  })

  test('returns Ajv errors with instance and schema paths', () => {
    const errors = validateNinjs({ uri: 'urn:x', headlines: [{ value: 1 }] })
    expect(errors).toHaveLength(1)
    expect(errors[0]).toMatchObject({
      instancePath: '/headlines/0/value',
      keyword: 'type',
      message: 'must be string',
    })
    expect(errors[0].schemaPath).toContain('headlines')
  })

  test('knows the difference between 3.2 and 2.3 names', () => {
    const doc = { uri: 'urn:x', versionCreated: '2024-01-01T00:00:00Z' }
    expect(validateNinjs(doc, '3.2')).toEqual([])
    expect(validateNinjs(doc, '2.3').map((e) => e.keyword)).toContain('unevaluatedProperties')
  })

  test('asserts formats: dates need a time zone, uri must be absolute', () => {
    expect(validateNinjs({ uri: 'urn:x', firstCreated: '2024-01-01T00:00:00' })[0]).toMatchObject({
      instancePath: '/firstCreated',
      keyword: 'format',
    })
    expect(validateNinjs({ uri: 'relative/path' })[0]).toMatchObject({
      instancePath: '/uri',
      keyword: 'format',
    })
  })
})

describe('validateJsonFeed', () => {
  test('accepts a minimal 1.1 feed and rejects an item without content', () => {
    const ok = {
      version: 'https://jsonfeed.org/version/1.1',
      title: 'T',
      items: [{ id: '1', content_text: 'x' }],
    }
    expect(validateJsonFeed(ok)).toEqual([])
    const bad = { ...ok, items: [{ id: '1' }] }
    expect(validateJsonFeed(bad).length).toBeGreaterThan(0)
  })
})

test('SchemaValidationError names the instance path and the schema path', () => {
  const errors = validateNinjs({ uri: 'urn:x', headlines: [{ value: 1 }] })
  const error = new SchemaValidationError('ninjs-3.2', errors)
  expect(error).toBeInstanceOf(Error)
  expect(error.name).toBe('SchemaValidationError')
  expect(error.message).toContain('/headlines/0/value: must be string')
  expect(error.message).toContain(errors[0].schemaPath)
  expect(error.errors).toBe(errors)
})
