import type { EpubLabels } from './types.js'

const en: EpubLabels = {
  contents: 'Contents',
  landmarks: 'Landmarks',
  cover: 'Cover',
  titlePage: 'Title page',
  startOfText: 'Start of text',
  aboutTheAuthor: 'About the author',
  aboutTheAuthors: 'About the authors',
  by: 'By',
  published: 'Published',
  updated: 'Updated',
  correction: 'Correction',
  corrections: 'Corrections',
  coverImage: 'Cover image',
  collection: 'Digest',
  articleCount: '{count} articles',
}

const ar: EpubLabels = {
  contents: 'المحتويات',
  landmarks: 'معالم الكتاب',
  cover: 'الغلاف',
  titlePage: 'صفحة العنوان',
  startOfText: 'بداية النص',
  aboutTheAuthor: 'عن الكاتب',
  aboutTheAuthors: 'عن الكتّاب',
  by: 'بقلم',
  published: 'نُشر في',
  updated: 'حُدّث في',
  correction: 'تصحيح',
  corrections: 'تصحيحات',
  coverImage: 'صورة الغلاف',
  collection: 'مختارات',
  articleCount: 'عدد المقالات: {count}',
}

const ur: EpubLabels = {
  contents: 'فہرست',
  landmarks: 'اہم مقامات',
  cover: 'سرورق',
  titlePage: 'صفحۂ عنوان',
  startOfText: 'متن کا آغاز',
  aboutTheAuthor: 'مصنف کے بارے میں',
  aboutTheAuthors: 'مصنفین کے بارے میں',
  by: 'از',
  published: 'اشاعت',
  updated: 'تازہ کاری',
  correction: 'تصحیح',
  corrections: 'تصحیحات',
  coverImage: 'سرورق کی تصویر',
  collection: 'انتخاب',
  articleCount: 'مضامین: {count}',
}

const fr: EpubLabels = {
  contents: 'Sommaire',
  landmarks: 'Repères',
  cover: 'Couverture',
  titlePage: 'Page de titre',
  startOfText: 'Début du texte',
  aboutTheAuthor: 'À propos de l’auteur',
  aboutTheAuthors: 'À propos des auteurs',
  by: 'Par',
  published: 'Publié le',
  updated: 'Mis à jour le',
  correction: 'Correction',
  corrections: 'Corrections',
  coverImage: 'Image de couverture',
  collection: 'Sélection',
  articleCount: '{count} articles',
}

const byLanguage: Record<string, EpubLabels> = { en, ar, ur, fr }

/** The labels for a language (by primary subtag), with the caller's overrides on top. */
export function labelsFor(language: string, overrides?: Partial<EpubLabels>): EpubLabels {
  const primary = language.toLowerCase().split('-')[0] ?? 'en'
  const base = byLanguage[primary] ?? en
  return overrides ? { ...base, ...overrides } : base
}
