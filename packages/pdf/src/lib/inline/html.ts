import type { InlineHandler } from '../state.js'

/** Raw inline HTML is dropped (the reader already warned about it). */
export const html: InlineHandler = () => []
