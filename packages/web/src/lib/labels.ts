/** UI strings of the web page, per language (by primary subtag). */
export interface WebLabels {
  by: string
  published: string
  updated: string
  /** Before each dated correction notice. */
  correction: string
  /** Accessible name of the corrections notice. */
  corrections: string
  aboutTheAuthor: string
  aboutTheAuthors: string
  skipToArticle: string
  allArticles: string
  articles: string
  image: string
}

const en: WebLabels = {
  by: 'By',
  published: 'Published',
  updated: 'Updated',
  correction: 'Correction',
  corrections: 'Corrections',
  aboutTheAuthor: 'About the author',
  aboutTheAuthors: 'About the authors',
  skipToArticle: 'Skip to the article',
  allArticles: 'All articles',
  articles: 'Articles',
  image: 'Image',
}

const ar: WebLabels = {
  by: 'بقلم',
  published: 'نُشر في',
  updated: 'حُدّث في',
  correction: 'تصحيح',
  corrections: 'تصحيحات',
  aboutTheAuthor: 'عن الكاتب',
  aboutTheAuthors: 'عن الكتّاب',
  skipToArticle: 'انتقل إلى المقال',
  allArticles: 'كل المقالات',
  articles: 'المقالات',
  image: 'صورة',
}

const ur: WebLabels = {
  by: 'از',
  published: 'اشاعت',
  updated: 'تازہ کاری',
  correction: 'تصحیح',
  corrections: 'تصحیحات',
  aboutTheAuthor: 'مصنف کے بارے میں',
  aboutTheAuthors: 'مصنفین کے بارے میں',
  skipToArticle: 'مضمون پر جائیں',
  allArticles: 'تمام مضامین',
  articles: 'مضامین',
  image: 'تصویر',
}

const fr: WebLabels = {
  by: 'Par',
  published: 'Publié le',
  updated: 'Mis à jour le',
  correction: 'Correction',
  corrections: 'Corrections',
  aboutTheAuthor: 'À propos de l’auteur',
  aboutTheAuthors: 'À propos des auteurs',
  skipToArticle: 'Aller à l’article',
  allArticles: 'Tous les articles',
  articles: 'Articles',
  image: 'Image',
}

const de: WebLabels = {
  by: 'Von',
  published: 'Veröffentlicht am',
  updated: 'Aktualisiert am',
  correction: 'Korrektur',
  corrections: 'Korrekturen',
  aboutTheAuthor: 'Über den Autor',
  aboutTheAuthors: 'Über die Autoren',
  skipToArticle: 'Zum Artikel springen',
  allArticles: 'Alle Artikel',
  articles: 'Artikel',
  image: 'Bild',
}

const es: WebLabels = {
  by: 'Por',
  published: 'Publicado el',
  updated: 'Actualizado el',
  correction: 'Corrección',
  corrections: 'Correcciones',
  aboutTheAuthor: 'Sobre el autor',
  aboutTheAuthors: 'Sobre los autores',
  skipToArticle: 'Ir al artículo',
  allArticles: 'Todos los artículos',
  articles: 'Artículos',
  image: 'Imagen',
}

const byLanguage: Record<string, WebLabels> = { en, ar, ur, fr, de, es }

/** The labels for a language (by primary subtag; English otherwise), with overrides on top. */
export function webLabels(language: string, overrides?: Partial<WebLabels>): WebLabels {
  const primary = language.toLowerCase().split('-')[0] ?? 'en'
  const base = byLanguage[primary] ?? en
  return overrides ? { ...base, ...overrides } : base
}
