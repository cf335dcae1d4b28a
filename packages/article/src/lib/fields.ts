import { absoluteUrl } from '@pressroom/toolkit'
import type { Point } from 'unist'
import type { VFileMessage } from 'vfile-message'
import { describe } from './dates.js'
import { createMessage } from './messages.js'
import type { PositionedYaml } from './yaml.js'

/** Reads typed fields out of a YAML mapping, reporting problems at the field's position. */
export class FieldReader {
  constructor(
    readonly yaml: PositionedYaml,
    readonly file: string | undefined,
    readonly messages: VFileMessage[],
    readonly fallback: Point,
  ) {}

  point(path: ReadonlyArray<string | number>, key = false): Point {
    return (key ? this.yaml.keyPointAt(path) : this.yaml.pointAt(path)) ?? this.fallback
  }

  warn(path: ReadonlyArray<string | number>, reason: string, ruleId: string, key = false): void {
    this.messages.push(createMessage(this.file, reason, { place: this.point(path, key), ruleId }))
  }

  error(path: ReadonlyArray<string | number>, reason: string, ruleId: string, key = false): void {
    this.messages.push(
      createMessage(this.file, reason, { place: this.point(path, key), ruleId, fatal: true }),
    )
  }

  /** A non-empty string (numbers are accepted and turned into text). */
  string(value: unknown, path: ReadonlyArray<string | number>): string | undefined {
    if (value === undefined || value === null) return undefined
    if (typeof value === 'number' || typeof value === 'boolean') return String(value)
    if (typeof value !== 'string') {
      this.warn(
        path,
        `\`${path.join('.')}\` should be text, not ${describe(value)}; ignored`,
        'field-type',
      )
      return undefined
    }
    const text = value.trim()
    return text === '' ? undefined : text
  }

  /** A list of strings (a single string or comma-separated text is accepted). */
  strings(value: unknown, path: ReadonlyArray<string | number>): string[] {
    if (value === undefined || value === null) return []
    if (typeof value === 'string') {
      return value
        .split(',')
        .map((item) => item.trim())
        .filter(Boolean)
    }
    if (!Array.isArray(value)) {
      this.warn(
        path,
        `\`${path.join('.')}\` should be a list of text, not ${describe(value)}; ignored`,
        'field-type',
      )
      return []
    }
    const result: string[] = []
    value.forEach((item, index) => {
      const text = this.string(item, [...path, index])
      if (text !== undefined && !result.includes(text)) result.push(text)
    })
    return result
  }

  /** An absolute http(s) URL. */
  url(value: unknown, path: ReadonlyArray<string | number>): string | undefined {
    const text = this.string(value, path)
    if (text === undefined) return undefined
    const url = absoluteUrl(text)
    if (url && /^https?:/.test(url)) return url
    this.warn(
      path,
      `\`${path.join('.')}\` should be an absolute http(s) URL, not \`${text}\`; ignored`,
      'invalid-url',
    )
    return undefined
  }

  /** A mapping (plain object). */
  mapping(
    value: unknown,
    path: ReadonlyArray<string | number>,
  ): Record<string, unknown> | undefined {
    if (value === undefined || value === null) return undefined
    if (typeof value !== 'object' || Array.isArray(value)) {
      this.warn(
        path,
        `\`${path.join('.')}\` should be a mapping, not ${describe(value)}; ignored`,
        'field-type',
      )
      return undefined
    }
    return value as Record<string, unknown>
  }
}
