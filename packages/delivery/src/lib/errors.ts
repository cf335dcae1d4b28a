/** Why an attempt failed, and whether trying again can help. */
export class DeliveryError extends Error {
  override name = 'DeliveryError'
  /** Worth another attempt (5xx, 408, 429, timeouts, network errors). */
  readonly retryable: boolean
  /** HTTP status of the answer, if there was one. */
  readonly status?: number
  /** Wait at least this long before the next attempt (`Retry-After`), in ms. */
  readonly retryAfterMs?: number

  constructor(
    message: string,
    options: { retryable: boolean; status?: number; retryAfterMs?: number; cause?: unknown },
  ) {
    super(message, { cause: options.cause })
    this.retryable = options.retryable
    if (options.status !== undefined) this.status = options.status
    if (options.retryAfterMs !== undefined) this.retryAfterMs = options.retryAfterMs
  }
}
