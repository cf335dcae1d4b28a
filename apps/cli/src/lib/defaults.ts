/**
 * The CLI's option defaults, in a module of their own so that `--help` and `--version` load
 * nothing else (no reader, no renderer).
 */

/** Default time limit of one article (`--timeout`). */
export const defaultTimeoutMs = 60_000
/** Default memory ceiling of one worker (`--max-memory`). */
export const defaultMaxMemoryMb = 1024
/**
 * Largest article accepted by default (`--max-size`): the reader's own `defaultMaxBytes`, repeated
 * here so that help does not load the reader (a unit test keeps the two equal).
 */
export const defaultMaxBytes = 4 * 1024 * 1024
