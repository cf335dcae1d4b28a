import type { EpubOptions } from './types.js'

/** A problem in the `epub:` section of `pressroom.yaml`. */
export interface EpubConfigMessage {
  /** Dotted path of the field: `epub.cover_size`. */
  field: string
  message: string
  severity: 'error' | 'warning'
}

const known = new Set(['cover_size'])

/**
 * Read the `epub:` section of a publication config (`pressroom.yaml`) into
 * options for `renderEpub`. Supported: `cover_size: 1600x2560` (width x height
 * in pixels, portrait; also `{ width, height }`). A bad value is reported and
 * the default kept.
 */
export function epubConfigOptions(section: unknown): {
  options: Pick<EpubOptions, 'coverSize'>
  messages: EpubConfigMessage[]
} {
  const options: Pick<EpubOptions, 'coverSize'> = {}
  const messages: EpubConfigMessage[] = []
  if (section === undefined || section === null) return { options, messages }
  if (typeof section !== 'object' || Array.isArray(section)) {
    messages.push({
      field: 'epub',
      message: 'must be a mapping (such as `cover_size: 1600x2560`)',
      severity: 'error',
    })
    return { options, messages }
  }
  const values = section as Record<string, unknown>
  for (const key of Object.keys(values))
    if (!known.has(key))
      messages.push({
        field: `epub.${key}`,
        message: `unknown setting; expected one of ${[...known].join(', ')}`,
        severity: 'warning',
      })
  const size = values.cover_size
  if (size !== undefined) {
    let width: unknown
    let height: unknown
    if (typeof size === 'string') {
      const match = /^\s*(\d+)\s*[xX×]\s*(\d+)\s*$/.exec(size)
      width = match ? Number(match[1]) : undefined
      height = match ? Number(match[2]) : undefined
    } else if (size && typeof size === 'object') {
      ;({ width, height } = size as { width?: unknown; height?: unknown })
    }
    const ok = (value: unknown): value is number =>
      typeof value === 'number' && Number.isInteger(value) && value >= 100 && value <= 10000
    if (ok(width) && ok(height)) {
      options.coverSize = { width, height }
      if (width > height)
        messages.push({
          field: 'epub.cover_size',
          message: `${width}x${height} is landscape; stores ask for a portrait cover (such as 1600x2560)`,
          severity: 'warning',
        })
    } else
      messages.push({
        field: 'epub.cover_size',
        message: `\`${typeof size === 'string' ? size : JSON.stringify(size)}\` is not a size; write width x height in pixels, each 100 to 10000, such as \`1600x2560\` (the default is used)`,
        severity: 'warning',
      })
  }
  return { options, messages }
}
