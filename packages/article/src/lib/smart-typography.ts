import type { Nodes, Root, Text } from 'mdast'

/**
 * Smart typography, as SmartyPants does it (and remark-smartypants did here, at
 * a third of the cost of its natural-language parse): straight quotes become
 * curly ones, `---` an em dash, `--` an en dash, `...` an ellipsis. Text in code
 * is left alone. Quotes are decided with their context across inline nodes,
 * so `"*word*"` still opens and closes.
 */
export function smartenTree(tree: Root): void {
  walkBlocks(tree)
}

/** Smart typography for one plain string. */
export function smartenText(text: string): string {
  const node: Text = { type: 'text', value: text }
  educate([node])
  return node.value
}

const blockTypes = new Set(['paragraph', 'heading', 'tableCell'])

function walkBlocks(node: Nodes): void {
  if (blockTypes.has(node.type)) {
    const parts: Array<Text | string> = []
    collect(node, parts)
    educate(parts)
    return
  }
  if ('children' in node) for (const child of node.children as Nodes[]) walkBlocks(child)
}

/** Text nodes in reading order; other inline content stands in as a placeholder character. */
function collect(node: Nodes, parts: Array<Text | string>): void {
  for (const child of (node as { children: Nodes[] }).children) {
    if (child.type === 'text') parts.push(child)
    else if (child.type === 'break') parts.push('\n')
    else if ('children' in child) collect(child, parts)
    else parts.push('x') // inline code, images, note references, raw HTML: a word-like neighbour
  }
}

const openers = /[\s([{\u2014\u2013\-/\u201C\u2018\u00AB]/
const letterOrDigit = /[\p{L}\p{N}]/u

function educate(parts: Array<Text | string>): void {
  const full = parts.map((part) => (typeof part === 'string' ? part : part.value)).join('')
  if (!/["'.-]/.test(full)) return
  const out: string[] = new Array(full.length).fill('')
  for (let i = 0; i < full.length; i++) {
    const char = full[i]
    const prev = i > 0 ? full[i - 1] : undefined
    const next = full[i + 1]
    if (char === '-' && next === '-') {
      if (full[i + 2] === '-') {
        out[i] = '\u2014'
        i += 2
      } else {
        out[i] = '\u2013'
        i += 1
      }
      continue
    }
    if (char === '.' && next === '.' && full[i + 2] === '.') {
      out[i] = '\u2026'
      i += 2
      continue
    }
    if (
      char === '.' &&
      next === ' ' &&
      full[i + 2] === '.' &&
      full[i + 3] === ' ' &&
      full[i + 4] === '.'
    ) {
      out[i] = '\u2026'
      i += 4
      continue
    }
    if (char === '"') {
      const opening = prev === undefined || openers.test(prev)
      out[i] = opening && next !== undefined && !/\s/.test(next) ? '\u201C' : '\u201D'
      continue
    }
    if (char === "'") {
      const afterWord =
        prev !== undefined && (letterOrDigit.test(prev) || /[.,!?;:)\]\u201D\u2019]/.test(prev))
      if (afterWord)
        out[i] = '\u2019' // apostrophe (don't, 1990's) or closing quote (News')
      else if (next !== undefined && /\d/.test(next) && /\d{2}s?\b/.test(full.slice(i + 1, i + 4)))
        out[i] = '\u2019' // '90s
      else if ((prev === undefined || openers.test(prev)) && next !== undefined && !/\s/.test(next))
        out[i] = '\u2018'
      else out[i] = '\u2019'
      continue
    }
    out[i] = char
  }
  // Give each text node its share back.
  let offset = 0
  for (const part of parts) {
    const length = typeof part === 'string' ? part.length : part.value.length
    if (typeof part !== 'string') part.value = out.slice(offset, offset + length).join('')
    offset += length
  }
}
