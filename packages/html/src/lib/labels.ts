import type { Labels } from './types.js'

/** UI strings by primary language subtag. */
export const defaultLabels: Record<string, Labels> = {
  en: { notes: 'Notes', backToText: 'Back to text', image: 'Image' },
  ar: { notes: 'الحواشي', backToText: 'العودة إلى النص', image: 'صورة' },
  ur: { notes: 'حواشی', backToText: 'متن پر واپس جائیں', image: 'تصویر' },
  fr: { notes: 'Notes', backToText: 'Retour au texte', image: 'Image' },
  de: { notes: 'Anmerkungen', backToText: 'Zurück zum Text', image: 'Bild' },
  es: { notes: 'Notas', backToText: 'Volver al texto', image: 'Imagen' },
}

/** Labels for a BCP 47 language tag (fallback English), with overrides. */
export function labelsFor(language: string, overrides?: Partial<Labels>): Labels {
  const primary = language.toLowerCase().split(/[-_]/)[0] ?? 'en'
  const base = Object.hasOwn(defaultLabels, primary) ? defaultLabels[primary] : defaultLabels.en
  return { ...base, ...overrides }
}
