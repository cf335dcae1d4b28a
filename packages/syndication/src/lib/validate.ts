/**
 * Validation against the vendored official schemas (see `schemas/SOURCES.md`).
 *
 * The validators are Ajv's standalone code, generated from the schemas at
 * development time (`scripts/generate-validators.mjs`; a test checks they are
 * up to date): no process compiles a schema at run time, which cost ~240 ms of
 * every cold start.
 */
import type { ErrorObject } from 'ajv'
import { validateJsonFeed11 } from './schemas/validators-jsonfeed.generated.js'
import { validateNinjs23, validateNinjs32 } from './schemas/validators-ninjs.generated.js'

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

type ValidateFunction = ((data: unknown) => boolean) & { errors?: ErrorObject[] | null }

function ninjsValidator(version: NinjsVersion): ValidateFunction {
  return (version === '2.3' ? validateNinjs23 : validateNinjs32) as ValidateFunction
}

function feedValidator(): ValidateFunction {
  return validateJsonFeed11 as ValidateFunction
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
