/**
 * Validation against the vendored official schemas (see `schemas/SOURCES.md`).
 *
 * Ajv and the validators are loaded and compiled lazily, once per process (per
 * worker thread), on first use: a caller that never validates a ninjs document
 * pays neither for loading Ajv (~40 ms) nor for compiling the schema (~130 ms).
 */
import { createRequire } from 'node:module'
import type { ErrorObject, ValidateFunction } from 'ajv'
import { schema as geoJsonSchema } from './schemas/geojson.js'
import { schema as jsonFeedSchema } from './schemas/jsonfeed-feed.js'
import { schema as jsonFeed1Schema } from './schemas/jsonfeed-feed-1.js'
import { schema as ninjs23Schema } from './schemas/ninjs-2.3.js'
import { schema as ninjs32Schema } from './schemas/ninjs-3.2.js'

/** The ninjs versions Pressroom writes (the latest ratified ones). */
export type NinjsVersion = '3.2' | '2.3'

/** One schema error as Ajv reports it (`instancePath`, `schemaPath`, `keyword`, `params`, `message`). */
export type SchemaError = ErrorObject

/** Which schema a document was checked against. */
export type SchemaName = 'ninjs-3.2' | 'ninjs-2.3' | 'jsonfeed-1.1'

/**
 * Thrown when a document Pressroom built does not validate against its schema.
 *
 * That is a bug in Pressroom or an input the mapping did not foresee: an invalid
 * document is never returned. The message names every failing instance path and
 * schema path, e.g. `/headlines/0/value: must be string (#/properties/...)`.
 */
export class SchemaValidationError extends Error {
  override name = 'SchemaValidationError'
  /** The schema the document failed. */
  readonly schema: SchemaName
  /** Ajv's errors, all of them. */
  readonly errors: SchemaError[]

  constructor(schema: SchemaName, errors: SchemaError[]) {
    super(
      `Document does not validate against ${schema}: ` +
        errors.map((error) => formatSchemaError(error)).join('; '),
    )
    this.schema = schema
    this.errors = errors
  }
}

/** `/headlines/0/value: must be string (schema: #/properties/.../type)`. */
export function formatSchemaError(error: SchemaError): string {
  const extra =
    error.keyword === 'additionalProperties' || error.keyword === 'unevaluatedProperties'
      ? ` '${String(
          (error.params as Record<string, unknown>).additionalProperty ??
            (error.params as Record<string, unknown>).unevaluatedProperty,
        )}'`
      : ''
  return `${error.instancePath || '/'}: ${error.message ?? error.keyword}${extra} (schema: ${error.schemaPath})`
}

const require = createRequire(import.meta.url)

type AjvLike = {
  addSchema(schema: object): unknown
  addVocabulary(words: string[]): unknown
  compile(schema: object): ValidateFunction
}
type AjvClass = new (options?: Record<string, unknown>) => AjvLike
type AddFormats = (ajv: AjvLike) => unknown

function load<T>(id: string): T {
  const module = require(id) as { default?: T }
  return (module.default ?? module) as T
}

let ninjsAjv: AjvLike | undefined
const ninjsValidators = new Map<NinjsVersion, ValidateFunction>()
let jsonFeedValidator: ValidateFunction | undefined

function ninjsValidator(version: NinjsVersion): ValidateFunction {
  let validate = ninjsValidators.get(version)
  if (!validate) {
    if (!ninjsAjv) {
      const Ajv2020 = load<AjvClass>('ajv/dist/2020.js')
      const addFormats = load<AddFormats>('ajv-formats')
      ninjsAjv = new Ajv2020({ allErrors: true })
      addFormats(ninjsAjv)
      ninjsAjv.addSchema(geoJsonSchema)
    }
    validate = ninjsAjv.compile(version === '2.3' ? ninjs23Schema : ninjs32Schema)
    ninjsValidators.set(version, validate)
  }
  return validate
}

function feedValidator(): ValidateFunction {
  if (!jsonFeedValidator) {
    const AjvDraft04 = load<AjvClass>('ajv-draft-04')
    const addFormats = load<AddFormats>('ajv-formats')
    // SchemaStore's schema leaves out `type: object` beside object keywords: strictTypes would only log.
    const ajv = new AjvDraft04({ allErrors: true, strictTypes: false })
    addFormats(ajv)
    ajv.addVocabulary(['deprecated'])
    ajv.addSchema(jsonFeed1Schema)
    jsonFeedValidator = ajv.compile(jsonFeedSchema)
  }
  return jsonFeedValidator
}

/**
 * Check a document against the official IPTC ninjs schema of `version`
 * (default `3.2`). Returns the schema errors: an empty array means valid.
 */
export function validateNinjs(document: unknown, version: NinjsVersion = '3.2'): SchemaError[] {
  const validate = ninjsValidator(version)
  return validate(document) ? [] : [...(validate.errors ?? [])]
}

/**
 * Check a document against the JSON Feed 1.1 schema (SchemaStore's `feed.json`).
 * Returns the schema errors: an empty array means valid.
 */
export function validateJsonFeed(document: unknown): SchemaError[] {
  const validate = feedValidator()
  return validate(document) ? [] : [...(validate.errors ?? [])]
}

/** Throw a {@link SchemaValidationError} when `document` fails ninjs `version`. */
export function assertNinjs(document: unknown, version: NinjsVersion): void {
  const errors = validateNinjs(document, version)
  if (errors.length > 0) throw new SchemaValidationError(`ninjs-${version}`, errors)
}

/** Throw a {@link SchemaValidationError} when `document` fails JSON Feed 1.1. */
export function assertJsonFeed(document: unknown): void {
  const errors = validateJsonFeed(document)
  if (errors.length > 0) throw new SchemaValidationError('jsonfeed-1.1', errors)
}
