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
