import type { Point } from 'unist'
import { isMap, isScalar, isSeq, LineCounter, parseDocument, type Node as YamlNode } from 'yaml'

/** A parsed YAML document that can say where each value stands in the source file. */
export interface PositionedYaml {
  data: unknown
  /** Errors of the YAML syntax, with their points. */
  errors: Array<{ reason: string; point: Point }>
  /** The point of the value at `path` (or of the closest existing parent). */
  pointAt(path: ReadonlyArray<string | number>): Point | undefined
  /** The point of the key at `path` (falls back to the value). */
  keyPointAt(path: ReadonlyArray<string | number>): Point | undefined
}

/**
 * Parse YAML that starts at `offset` (a point in the enclosing file: the line
 * and column of the YAML's first character), keeping positions.
 */
export function parseYaml(text: string, offset: Point = { line: 1, column: 1 }): PositionedYaml {
  const lineCounter = new LineCounter()
  const document = parseDocument(text, {
    lineCounter,
    prettyErrors: false,
    uniqueKeys: true,
    strict: true,
    schema: 'core',
  })

  const toPoint = (index: number): Point => {
    const { line, col } = lineCounter.linePos(index)
    return {
      line: line + offset.line - 1,
      column: line === 1 ? col + offset.column - 1 : col,
      offset: undefined,
    }
  }

  const errors = document.errors.map((error) => ({
    reason: error.message.split('\n')[0].replace(/ at line \d+, column \d+:?$/, ''),
    point: toPoint(error.pos[0]),
  }))

  function find(path: ReadonlyArray<string | number>, wantKey: boolean): Point | undefined {
    let node: unknown = document.contents
    let best: Point | undefined =
      node && (node as YamlNode).range ? toPoint((node as YamlNode).range![0]) : undefined
    for (let index = 0; index < path.length; index++) {
      const segment = path[index]
      if (isMap(node)) {
        const pair = node.items.find((item) => isScalar(item.key) && item.key.value === segment)
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
    pointAt: (path) => find(path, false),
    keyPointAt: (path) => find(path, true),
  }
}
