/** A mistake of the user's (bad option, missing path): message, no stack trace, exit code. */
export class UsageError extends Error {
  readonly exitCode = 2
  constructor(message: string) {
    super(message)
    this.name = 'UsageError'
  }
}

/** A bug of ours: reported with its stack and a request to report it. */
export class InternalError extends Error {
  constructor(message: string, options?: { cause?: unknown }) {
    super(message, options)
    this.name = 'InternalError'
  }
}
