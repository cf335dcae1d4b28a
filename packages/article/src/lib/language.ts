import type { Direction } from '../types.js'

/** Scripts written right to left (ISO 15924). */
const rtlScripts = new Set([
  'Adlm',
  'Arab',
  'Aran',
  'Armi',
  'Avst',
  'Cprt',
  'Hebr',
  'Hung',
  'Khar',
  'Lydi',
  'Mand',
  'Mani',
  'Mend',
  'Nbat',
  'Narb',
  'Nkoo',
  'Orkh',
  'Palm',
  'Phli',
  'Phlp',
  'Phnx',
  'Prti',
  'Rohg',
  'Samr',
  'Sarb',
  'Sogd',
  'Sogo',
  'Syrc',
  'Thaa',
  'Yezi',
])

/** Languages whose default script is right to left, for when ICU cannot say. */
const rtlLanguages = new Set([
  'ar',
  'arc',
  'ckb',
  'dv',
  'fa',
  'he',
  'iw',
  'ks',
  'ku',
  'pa-Arab',
  'ps',
  'sd',
  'syr',
  'ug',
  'ur',
  'yi',
])

/** Canonicalise a BCP 47 tag, or return undefined when it is not well-formed. */
export function canonicalLanguage(tag: string): string | undefined {
  try {
    const [canonical] = Intl.getCanonicalLocales(tag)
    return canonical
  } catch {
    return undefined
  }
}

const languageNames = new Intl.DisplayNames(['en'], { type: 'language', fallback: 'none' })

/**
 * The language a file name gives, as Hugo's multilingual sites name their pages (`tehran-metro.fa.md`,
 * `index.zh-hans.md`): the name without it and the canonical tag, or undefined when the last dotted part is not
 * a language ICU knows (`report.final.md`, `v1.2.md`, `page.api.md`).
 */
export function languageFromFileName(name: string): { rest: string; language: string } | undefined {
  const match = /^(.+)\.([A-Za-z]{2,3}(?:[-_][A-Za-z0-9]{2,8})*)$/.exec(name)
  if (!match) return undefined
  const language = canonicalLanguage(match[2].replace(/_/g, '-'))
  if (!language) return undefined
  const primary = language.split('-')[0]
  if (!languageNames.of(primary)) return undefined
  return { rest: match[1], language }
}

/** The text direction of a language, from its (likely) script. */
export function directionOf(tag: string): Direction {
  try {
    const locale = new Intl.Locale(tag)
    if (locale.script) return rtlScripts.has(locale.script) ? 'rtl' : 'ltr'
    const script = locale.maximize().script
    if (script) return rtlScripts.has(script) ? 'rtl' : 'ltr'
    return rtlLanguages.has(locale.language) ? 'rtl' : 'ltr'
  } catch {
    return rtlLanguages.has(tag.split('-')[0].toLowerCase()) ? 'rtl' : 'ltr'
  }
}
