/**
 * Hyphenation with the `hyphen` package's Liang patterns, per language.
 *
 * Only plain words are hyphenated: URLs, e-mail addresses, handles, code,
 * numbers and short words are left whole.
 */
import { createRequire } from 'node:module'

const require = createRequire(import.meta.url)

type Hyphenator = (
  text: string,
  options?: { hyphenChar?: string; minWordLength?: number },
) => string

/** Pattern modules shipped by `hyphen` that we map languages to. */
const modules: Record<string, string> = {
  en: 'en-us',
  'en-us': 'en-us',
  'en-gb': 'en-gb',
  fr: 'fr',
  de: 'de',
  es: 'es',
  it: 'it',
  nl: 'nl',
  pt: 'pt',
  pl: 'pl',
  sv: 'sv',
  da: 'da',
  nb: 'nb',
  fi: 'fi',
  cs: 'cs',
  tr: 'tr',
  ru: 'ru',
  uk: 'uk',
}

const hyphenators = new Map<string, Hyphenator | null>()

/** The hyphenator for a BCP 47 language, or `null` when there are no patterns. */
export function hyphenatorFor(language: string): Hyphenator | null {
  const lower = language.toLowerCase()
  const name = modules[lower] ?? modules[lower.split('-')[0]]
  if (!name) return null
  let found = hyphenators.get(name)
  if (found === undefined) {
    try {
      found = (require(`hyphen/${name}`) as { hyphenateSync: Hyphenator }).hyphenateSync
    } catch {
      found = null
    }
    hyphenators.set(name, found)
  }
  return found
}

const wordCache = new Map<string, string[]>()
const skip = /[@/\\:_.#\d]|^[A-Z]{2,}$|www/

/**
 * Split a word into hyphenation fragments (`['beau', 'ti', 'ful']`).
 * Returns `[word]` when it must not or cannot be hyphenated.
 */
export function syllables(word: string, language: string, minWordLength = 6): string[] {
  if (word.length < minWordLength || skip.test(word)) return [word]
  const hyphenate = hyphenatorFor(language)
  if (!hyphenate) return [word]
  const key = `${language}\u0000${word}`
  let parts = wordCache.get(key)
  if (!parts) {
    // Keep leading/trailing punctuation out of the patterns.
    const match = /^([^\p{L}]*)([\p{L}\p{M}'’-]+?)([^\p{L}]*)$/u.exec(word)
    if (!match) {
      parts = [word]
    } else {
      const [, lead, core, trail] = match
      parts = hyphenate(core, { hyphenChar: '\u00AD', minWordLength }).split('\u00AD')
      // No fragment shorter than 2 letters at either end.
      if (parts.length > 1 && parts[0].length < 2) parts.splice(0, 2, parts[0] + parts[1])
      if (parts.length > 1 && parts[parts.length - 1].length < 3)
        parts.splice(parts.length - 2, 2, parts[parts.length - 2] + parts[parts.length - 1])
      parts[0] = lead + parts[0]
      parts[parts.length - 1] += trail
    }
    if (wordCache.size > 50_000) wordCache.clear()
    wordCache.set(key, parts)
  }
  return parts
}
