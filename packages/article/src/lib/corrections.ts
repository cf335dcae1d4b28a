import type { Correction } from '../types.js'
import type { PublicationConfig } from './config.js'
import { parseDate } from './dates.js'
import type { FieldReader } from './fields.js'
import { smarten } from './processor.js'

/**
 * The frontmatter `corrections:` list: each item `{date, text}`, oldest first
 * as written. An item without a valid date or text is reported and left out.
 */
export async function readCorrections(
  fields: FieldReader,
  config: PublicationConfig,
  value: unknown,
  at: string,
): Promise<Correction[]> {
  if (value === undefined || value === null) return []
  if (!Array.isArray(value)) {
    fields.warn(
      [at],
      '`corrections` should be a list of `{date, text}` items; ignored',
      'field-type',
    )
    return []
  }
  const result: Correction[] = []
  for (const [index, item] of value.entries()) {
    const data = fields.mapping(item, [at, index])
    if (!data) continue
    const text = fields.string(data.text, [at, index, 'text'])
    if (!text) {
      fields.warn(
        [at, index],
        'A correction needs `text` (what was corrected); ignored',
        'missing-field',
      )
      continue
    }
    const parsed = parseDate(data.date, config.timezone)
    if (data.date === undefined || !parsed.ok) {
      fields.warn(
        [at, index, 'date'],
        `A correction needs a \`date\` (such as 2024-01-20)${parsed.ok ? '' : `: ${parsed.reason}`}; ignored`,
        'invalid-date',
      )
      continue
    }
    result.push({ date: parsed.date, text: await smarten(text) })
  }
  return result
}
