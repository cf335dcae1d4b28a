/**
 * Names joined as the language joins a list: one serial-comma rule for every format (the one of
 * `Intl.ListFormat`, so "A, B, and C" in English, "A, B et C" in French, "A وB وC" in Arabic).
 */
const formats = new Map<string, Intl.ListFormat | null>()

export function joinNames(names: readonly string[], language: string): string {
  if (names.length <= 1) return names[0] ?? ''
  let format = formats.get(language)
  if (format === undefined) {
    try {
      format = new Intl.ListFormat(language, { style: 'long', type: 'conjunction' })
    } catch {
      format = null
    }
    formats.set(language, format)
  }
  return format ? format.format(names) : names.join(', ')
}
