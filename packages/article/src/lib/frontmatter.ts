import { parse as parseToml, TomlError } from 'smol-toml'
import type { Point } from 'unist'
import { type PositionedYaml, parseYaml } from './yaml.js'

/**
 * Read TOML frontmatter (Hugo's `+++` block) with the same positioned shape
 * as YAML. Dates become ISO 8601 text as written (`2024-10-21`,
 * `2015-10-30T01:12:28-04:00`).
 */
export function parseTomlFrontmatter(text: string, offset: Point): PositionedYaml {
  const lines = text.split('\n')
  const toPoint = (line: number, column: number): Point => ({
    line: line + offset.line - 1,
    column: line === 1 ? column + offset.column - 1 : column,
  })
  let data: unknown
  const errors: PositionedYaml['errors'] = []
  try {
    data = plain(parseToml(text))
  } catch (error) {
    const reason = String((error as Error).message)
      .split('\n')[0]
      .replace(/^Invalid TOML document: /, '')
    const line = error instanceof TomlError ? error.line : 1
    const column = error instanceof TomlError ? error.column : 1
    errors.push({ reason: `${reason} (TOML)`, point: toPoint(line, column) })
  }
  // Where a key is: `key = ` at the top level, or inside its `[table]`.
  const find = (path: ReadonlyArray<string | number>): Point | undefined => {
    let table = ''
    let best: Point | undefined
    const wanted = path.filter((segment) => typeof segment === 'string') as string[]
    for (let index = 0; index < lines.length; index++) {
      const line = lines[index]
      const header = /^\s*\[+\s*([^\]]+?)\s*\]+/.exec(line)
      if (header) {
        table = header[1]
        if (table === wanted[0]) best ??= toPoint(index + 1, line.indexOf('[') + 1)
        continue
      }
      const key = /^(\s*)("?)([\w.-]+)\2\s*=/.exec(line)
      if (!key) continue
      const full = table ? `${table}.${key[3]}` : key[3]
      if (full === wanted.join('.')) return toPoint(index + 1, key[1].length + 1)
      if (!table && key[3] === wanted[0]) best = toPoint(index + 1, key[1].length + 1)
    }
    return best
  }
  return { data, errors, warnings: [], pointAt: find, keyPointAt: find }
}

/** Plain objects and ISO text for TOML's dates. */
function plain(value: unknown): unknown {
  if (value instanceof Date) return value.toISOString().replace(/\.000(?=$|[+-Z])/, '')
  if (Array.isArray(value)) return value.map(plain)
  if (value && typeof value === 'object') {
    const result: Record<string, unknown> = {}
    for (const [key, item] of Object.entries(value)) result[key] = plain(item)
    return result
  }
  return value
}

/** A document without any frontmatter: no data, positions at the start. */
export function emptyFrontmatter(): PositionedYaml {
  return parseYaml('')
}

/**
 * pandoc's title block: `% Title`, `% Author; Author`, `% Date` as the first
 * lines. Returns the fields and how many lines it took.
 */
export function pandocTitleBlock(
  text: string,
): { title: string; authors: string[]; date?: string; lines: number } | undefined {
  const lines = text.split('\n')
  if (!lines[0]?.startsWith('% ')) return undefined
  const fields: string[] = []
  let count = 0
  for (const line of lines) {
    if (line.startsWith('%')) fields.push(line.slice(1).trim())
    else if (/^\s+\S/.test(line) && fields.length > 0)
      fields[fields.length - 1] += ` ${line.trim()}`
    else break
    count++
  }
  const title = fields[0]
  if (!title) return undefined
  const result: { title: string; authors: string[]; date?: string; lines: number } = {
    title,
    authors: (fields[1] ?? '')
      .split(';')
      .map((name) => name.trim())
      .filter(Boolean),
    lines: count,
  }
  if (fields[2]) result.date = fields[2]
  return result
}

/** `2021-05-10-harbour-ferry.md` (Jekyll's posts): the date and the rest of the name. */
export function datedFileName(name: string): { date: string; rest: string } | undefined {
  const match = /^(\d{4}-\d{2}-\d{2})-(.+)$/.exec(name)
  return match ? { date: match[1], rest: match[2] } : undefined
}
