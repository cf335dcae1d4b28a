import type { Text } from 'mdast'
import type { InlineHandler } from '../state.js'

/** Text as written (smart typography is the reader's). */
export const text: InlineHandler = (_state, node: Text, style) => [{ text: node.value, style }]
