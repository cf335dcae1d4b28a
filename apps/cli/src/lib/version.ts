import { createRequire } from 'node:module'

const require = createRequire(import.meta.url)

/** The CLI's version, part of every cache key. */
export const version: string = (require('../../package.json') as { version: string }).version
