import type { Point } from 'unist'
import {
  isMap,
  isScalar,
  isSeq,
  LineCounter,
  parseDocument,
  visit as visitYaml,
  type Node as YamlNode,
} from 'yaml'

/** A parsed YAML document that can say where each value stands in the source file. */
export interface PositionedYaml {
  data: unknown
  /** Errors of the YAML syntax, with their points (at most one: later ones are its echoes). */
  errors: Array<{ reason: string; point: Point }>
  /** What was read leniently, as site generators read it (duplicate keys, unquoted colons...). */
  warnings: Array<{ reason: string; point: Point; ruleId: string }>
  /** The point of the value at `path` (or of the closest existing parent). */
  pointAt(path: ReadonlyArray<string | number>): Point | undefined
  /** The point of the key at `path` (falls back to the value). */
  keyPointAt(path: ReadonlyArray<string | number>): Point | undefined
}

type Warning = PositionedYaml['warnings'][number]

/**
 * Parse YAML that starts at `offset` (a point in the enclosing file: the line
 * and column of the YAML's first character), keeping positions.
 *
 * Read as Jekyll, Hugo and Eleventy read it: a duplicate key keeps its last
 * value (with a warning); a quoted value that goes on over unindented lines is
 * one value; a value with an unquoted `: ` is read as text (with a warning that
 * says to quote it). Other syntax errors are reported once, in words a
 * producer can act on.
 */
export function parseYaml(text: string, offset: Point = { line: 1, column: 1 }): PositionedYaml {
  const warnings: Warning[] = []
  const lines = text.split('\n')
  const toFilePoint = (line: number, column: number): Point => ({
    line: line + offset.line - 1,
    column: line === 1 ? column + offset.column - 1 : column,
  })

  // Repairs on the text, line for line (positions stay where they were).
  for (let index = 0; index < lines.length; index++) {
    const line = lines[index]
    // A double- or single-quoted value continued on unindented lines (Psych and PyYAML read it).
    const open = /^(\s*[^\s#:'"][^:]*:\s+)(["'])(.*)$/.exec(line)
    if (open && !closes(open[3], open[2])) {
      const indent = `${' '.repeat(open[1].length - open[1].trimStart().length)}  `
      let end = index + 1
      while (end < lines.length && !closes(lines[end], open[2]) && end - index < 20) end++
      if (end < lines.length) {
        for (let next = index + 1; next <= end; next++) {
          if (!lines[next].startsWith(indent)) lines[next] = indent + lines[next].trimStart()
        }
        index = end
      }
    }
  }
  let document = parse(lines.join('\n'))
  const colonFixed: number[] = []
  for (let round = 0; round < 20 && document.errors.length > 0; round++) {
    const error = document.errors[0]
    const { line } = document.lineCounter.linePos(error.pos[0])
    const index = line - 1
    const plain = /^(\s*(?:- )?[^\s#'"][^:]*:[ \t]+)([^'"[{>|&*!#\s].*?)\s*$/.exec(
      lines[index] ?? '',
    )
    if (
      (error.code === 'BLOCK_AS_IMPLICIT_KEY' || error.code === 'MULTILINE_IMPLICIT_KEY') &&
      plain &&
      /:\s/.test(plain[2]) &&
      !colonFixed.includes(index)
    ) {
      const key = plain[1].trim().replace(/^- /, '').replace(/:$/, '')
      warnings.push({
        reason: `\`${key}\` holds a colon followed by a space, which YAML reads as a new field: put the ${key} in quotes (${key}: "${plain[2].replace(/"/g, '\\"')}"); read as text`,
        point: toFilePoint(line, plain[1].length + 1),
        ruleId: 'yaml-unquoted-colon',
      })
      lines[index] = `${plain[1]}${JSON.stringify(plain[2])}`
      colonFixed.push(index)
      document = parse(lines.join('\n'))
      continue
    }
    break
  }

  const { lineCounter } = document
  const toPoint = (position: number): Point => {
    const { line, col } = lineCounter.linePos(position)
    return toFilePoint(line, col)
  }

  const errors = document.errors.slice(0, 1).map((error) => ({
    reason: friendly(error.code, error.message, lines[lineCounter.linePos(error.pos[0]).line - 1]),
    point: toPoint(error.pos[0]),
  }))

  // Duplicate keys: the last value is used, as by the site generators.
  if (errors.length === 0) {
    visitYaml(document, {
      Map(_key, map) {
        const seen = new Set<unknown>()
        for (const pair of map.items) {
          if (!isScalar(pair.key)) continue
          const name = pair.key.value
          if (seen.has(name)) {
            warnings.push({
              reason: `\`${String(name)}\` is given more than once; the last value is used`,
              point: toPoint(pair.key.range?.[0] ?? 0),
              ruleId: 'duplicate-key',
            })
          }
          seen.add(name)
        }
      },
    })
  }

  function find(path: ReadonlyArray<string | number>, wantKey: boolean): Point | undefined {
    let node: unknown = document.contents
    let best: Point | undefined =
      node && (node as YamlNode).range ? toPoint((node as YamlNode).range![0]) : undefined
    for (let index = 0; index < path.length; index++) {
      const segment = path[index]
      if (isMap(node)) {
        const pair = node.items.findLast((item) => isScalar(item.key) && item.key.value === segment)
        if (!pair) return best
        const last = index === path.length - 1
        if (last && wantKey && isScalar(pair.key) && pair.key.range)
          return toPoint(pair.key.range[0])
        node = pair.value
        const range = (node as YamlNode | null)?.range ?? (pair.key as YamlNode | null)?.range
        if (range) best = toPoint(range[0])
      } else if (isSeq(node) && typeof segment === 'number') {
        node = node.items[segment]
        const range = (node as YamlNode | null)?.range
        if (range) best = toPoint(range[0])
      } else {
        return best
      }
    }
    return best
  }

  let data: unknown
  try {
    data = errors.length > 0 ? undefined : document.toJS({ maxAliasCount: 50 })
  } catch (error) {
    errors.push({ reason: String((error as Error).message), point: offset })
  }

  return {
    data,
    errors,
    warnings,
    pointAt: (path) => find(path, false),
    keyPointAt: (path) => find(path, true),
  }
}

function parse(text: string) {
  const lineCounter = new LineCounter()
  const document = parseDocument(text, {
    lineCounter,
    prettyErrors: false,
    uniqueKeys: false,
    strict: true,
    schema: 'core',
  })
  return Object.assign(document, { lineCounter })
}

/** Whether `text` closes a scalar opened with `quote` (an unescaped closing quote). */
function closes(text: string, quote: string): boolean {
  return quote === "'"
    ? text.replace(/''/g, '').includes("'")
    : text.replace(/\\./g, '').includes('"')
}

/** A syntax error in words a producer can act on. */
function friendly(code: string, message: string, line = ''): string {
  const first = message.split('\n')[0].replace(/ at line \d+, column \d+:?$/, '')
  if (code === 'TAB_AS_INDENT' || /^\s*\t/.test(line))
    return 'This line is indented with a tab: YAML needs spaces; replace the tab with spaces'
  if (code === 'BLOCK_AS_IMPLICIT_KEY' && /:\s.*:\s/.test(line))
    return `${first}: a value with a colon followed by a space must be in quotes`
  if (code === 'MISSING_CHAR' && /quote/.test(first))
    return `${first}: a quoted value must end with the same quote`
  if (code === 'DUPLICATE_KEY') return `${first}; remove one of them`
  if (code === 'BAD_INDENT' || code === 'MISSING_CHAR' || code === 'UNEXPECTED_TOKEN')
    return `${first}; check the indentation and the brackets of this line and the one before`
  return first
}
