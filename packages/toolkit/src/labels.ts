/**
 * Every string Pressroom prints around the author's text, in every language it ships: one table,
 * so the EPUB, the PDF, the web page and the syndicated body say the same thing.
 * `{count}`, `{page}`, `{pages}` and `{date}` are replaced where the label is used.
 */
export interface Labels {
  /** Heading of the notes section. */
  notes: string
  /** A footnote's link back to where it was cited. */
  backToText: string
  /** Accessible name of an image without alt text. */
  image: string
  /** Placeholder for an image that cannot be shown (the alt text follows). */
  imageMissing: string
  /** Before a figure's credit, when the credit does not say what it credits ("Photo: Reuters"). */
  credit: string
  /** Table of contents. */
  contents: string
  /** EPUB landmarks navigation. */
  landmarks: string
  cover: string
  coverImage: string
  titlePage: string
  startOfText: string
  /** Heading of the author box, one author. */
  aboutTheAuthor: string
  /** Heading of the author box, several authors. */
  aboutTheAuthors: string
  /** Before the author names. */
  by: string
  /** Before the publication date. */
  published: string
  /** Before the date of the last substantive change. */
  updated: string
  /** Before each dated correction notice. */
  correction: string
  /** Heading (or accessible name) of the corrections notice. */
  corrections: string
  /** Title of a collection (digest) of articles. */
  collection: string
  /** How many articles a collection has; `{count}`. */
  articleCount: string
  /** Skip link of the web page. */
  skipToArticle: string
  /** Link from an article page to the index. */
  allArticles: string
  /** Heading of the index page. */
  articles: string
  /** PDF footer; `{page}` and `{pages}`. */
  page: string
  /** Notice on a copy rendered before its embargo; `{date}`. */
  embargo: string
}

export type LabelKey = keyof Labels

const en: Labels = {
  notes: 'Notes',
  backToText: 'Back to text',
  image: 'Image',
  imageMissing: 'Image not available',
  credit: 'Photo:',
  contents: 'Contents',
  landmarks: 'Landmarks',
  cover: 'Cover',
  coverImage: 'Cover image',
  titlePage: 'Title page',
  startOfText: 'Start of text',
  aboutTheAuthor: 'About the author',
  aboutTheAuthors: 'About the authors',
  by: 'By',
  published: 'Published',
  updated: 'Updated',
  correction: 'Correction',
  corrections: 'Corrections',
  collection: 'Digest',
  articleCount: '{count} articles',
  skipToArticle: 'Skip to the article',
  allArticles: 'All articles',
  articles: 'Articles',
  page: 'Page {page} of {pages}',
  embargo: 'Embargoed: not for publication before {date}',
}

const ar: Labels = {
  notes: 'الحواشي',
  backToText: 'العودة إلى النص',
  image: 'صورة',
  imageMissing: 'الصورة غير متاحة',
  credit: 'صورة:',
  contents: 'المحتويات',
  landmarks: 'معالم الكتاب',
  cover: 'الغلاف',
  coverImage: 'صورة الغلاف',
  titlePage: 'صفحة العنوان',
  startOfText: 'بداية النص',
  aboutTheAuthor: 'عن الكاتب',
  aboutTheAuthors: 'عن الكتّاب',
  by: 'بقلم',
  published: 'نُشر في',
  updated: 'حُدّث في',
  correction: 'تصحيح',
  corrections: 'تصحيحات',
  collection: 'مختارات',
  articleCount: 'عدد المقالات: {count}',
  skipToArticle: 'انتقل إلى المقال',
  allArticles: 'كل المقالات',
  articles: 'المقالات',
  page: 'صفحة {page} من {pages}',
  embargo: 'محظور النشر قبل {date}',
}

const ur: Labels = {
  notes: 'حواشی',
  backToText: 'متن پر واپس جائیں',
  image: 'تصویر',
  imageMissing: 'تصویر دستیاب نہیں',
  credit: 'تصویر:',
  contents: 'فہرست',
  landmarks: 'اہم مقامات',
  cover: 'سرورق',
  coverImage: 'سرورق کی تصویر',
  titlePage: 'صفحۂ عنوان',
  startOfText: 'متن کا آغاز',
  aboutTheAuthor: 'مصنف کے بارے میں',
  aboutTheAuthors: 'مصنفین کے بارے میں',
  by: 'از',
  published: 'اشاعت',
  updated: 'تازہ کاری',
  correction: 'تصحیح',
  corrections: 'تصحیحات',
  collection: 'انتخاب',
  articleCount: 'مضامین: {count}',
  skipToArticle: 'مضمون پر جائیں',
  allArticles: 'تمام مضامین',
  articles: 'مضامین',
  page: 'صفحہ {page} از {pages}',
  embargo: 'پابندی: {date} سے پہلے شائع نہ کریں',
}

const fa: Labels = {
  notes: 'یادداشت‌ها',
  backToText: 'بازگشت به متن',
  image: 'تصویر',
  imageMissing: 'تصویر در دسترس نیست',
  credit: 'عکس:',
  contents: 'فهرست',
  landmarks: 'نشانه‌ها',
  cover: 'جلد',
  coverImage: 'تصویر جلد',
  titlePage: 'صفحهٔ عنوان',
  startOfText: 'آغاز متن',
  aboutTheAuthor: 'دربارهٔ نویسنده',
  aboutTheAuthors: 'دربارهٔ نویسندگان',
  by: 'نوشتهٔ',
  published: 'منتشرشده در',
  updated: 'به‌روزشده در',
  correction: 'اصلاحیه',
  corrections: 'اصلاحیه‌ها',
  collection: 'گزیده',
  articleCount: '{count} مقاله',
  skipToArticle: 'رفتن به مقاله',
  allArticles: 'همهٔ مقاله‌ها',
  articles: 'مقاله‌ها',
  page: 'صفحهٔ {page} از {pages}',
  embargo: 'ممنوع‌الانتشار تا {date}',
}

const fr: Labels = {
  notes: 'Notes',
  backToText: 'Retour au texte',
  image: 'Image',
  imageMissing: 'Image indisponible',
  credit: 'Photo :',
  contents: 'Sommaire',
  landmarks: 'Repères',
  cover: 'Couverture',
  coverImage: 'Image de couverture',
  titlePage: 'Page de titre',
  startOfText: 'Début du texte',
  aboutTheAuthor: 'À propos de l’auteur',
  aboutTheAuthors: 'À propos des auteurs',
  by: 'Par',
  published: 'Publié le',
  updated: 'Mis à jour le',
  correction: 'Correction',
  corrections: 'Corrections',
  collection: 'Sélection',
  articleCount: '{count} articles',
  skipToArticle: 'Aller à l’article',
  allArticles: 'Tous les articles',
  articles: 'Articles',
  page: 'Page {page} sur {pages}',
  embargo: 'Sous embargo : ne pas publier avant le {date}',
}

const de: Labels = {
  notes: 'Anmerkungen',
  backToText: 'Zurück zum Text',
  image: 'Bild',
  imageMissing: 'Bild nicht verfügbar',
  credit: 'Foto:',
  contents: 'Inhalt',
  landmarks: 'Orientierungspunkte',
  cover: 'Umschlag',
  coverImage: 'Umschlagbild',
  titlePage: 'Titelseite',
  startOfText: 'Textanfang',
  aboutTheAuthor: 'Über den Autor',
  aboutTheAuthors: 'Über die Autoren',
  by: 'Von',
  published: 'Veröffentlicht am',
  updated: 'Aktualisiert am',
  correction: 'Korrektur',
  corrections: 'Korrekturen',
  collection: 'Auswahl',
  articleCount: '{count} Artikel',
  skipToArticle: 'Zum Artikel springen',
  allArticles: 'Alle Artikel',
  articles: 'Artikel',
  page: 'Seite {page} von {pages}',
  embargo: 'Sperrfrist: nicht vor {date} veröffentlichen',
}

const es: Labels = {
  notes: 'Notas',
  backToText: 'Volver al texto',
  image: 'Imagen',
  imageMissing: 'Imagen no disponible',
  credit: 'Foto:',
  contents: 'Índice',
  landmarks: 'Puntos de referencia',
  cover: 'Cubierta',
  coverImage: 'Imagen de cubierta',
  titlePage: 'Portada',
  startOfText: 'Inicio del texto',
  aboutTheAuthor: 'Sobre el autor',
  aboutTheAuthors: 'Sobre los autores',
  by: 'Por',
  published: 'Publicado el',
  updated: 'Actualizado el',
  correction: 'Corrección',
  corrections: 'Correcciones',
  collection: 'Selección',
  articleCount: '{count} artículos',
  skipToArticle: 'Ir al artículo',
  allArticles: 'Todos los artículos',
  articles: 'Artículos',
  page: 'Página {page} de {pages}',
  embargo: 'Embargado: no publicar antes del {date}',
}

const ru: Labels = {
  notes: 'Примечания',
  backToText: 'Назад к тексту',
  image: 'Изображение',
  imageMissing: 'Изображение недоступно',
  credit: 'Фото:',
  contents: 'Содержание',
  landmarks: 'Ориентиры',
  cover: 'Обложка',
  coverImage: 'Изображение обложки',
  titlePage: 'Титульная страница',
  startOfText: 'Начало текста',
  aboutTheAuthor: 'Об авторе',
  aboutTheAuthors: 'Об авторах',
  by: 'Автор:',
  published: 'Опубликовано',
  updated: 'Обновлено',
  correction: 'Исправление',
  corrections: 'Исправления',
  collection: 'Подборка',
  articleCount: 'Статей: {count}',
  skipToArticle: 'Перейти к статье',
  allArticles: 'Все статьи',
  articles: 'Статьи',
  page: 'Страница {page} из {pages}',
  embargo: 'Эмбарго: не публиковать до {date}',
}

const el: Labels = {
  notes: 'Σημειώσεις',
  backToText: 'Επιστροφή στο κείμενο',
  image: 'Εικόνα',
  imageMissing: 'Η εικόνα δεν είναι διαθέσιμη',
  credit: 'Φωτογραφία:',
  contents: 'Περιεχόμενα',
  landmarks: 'Ορόσημα',
  cover: 'Εξώφυλλο',
  coverImage: 'Εικόνα εξωφύλλου',
  titlePage: 'Σελίδα τίτλου',
  startOfText: 'Αρχή του κειμένου',
  aboutTheAuthor: 'Σχετικά με τον συγγραφέα',
  aboutTheAuthors: 'Σχετικά με τους συγγραφείς',
  by: 'Του/Της',
  published: 'Δημοσιεύθηκε',
  updated: 'Ενημερώθηκε',
  correction: 'Διόρθωση',
  corrections: 'Διορθώσεις',
  collection: 'Επιλογή',
  articleCount: '{count} άρθρα',
  skipToArticle: 'Μετάβαση στο άρθρο',
  allArticles: 'Όλα τα άρθρα',
  articles: 'Άρθρα',
  page: 'Σελίδα {page} από {pages}',
  embargo: 'Υπό εμπάργκο: όχι δημοσίευση πριν από {date}',
}

const hi: Labels = {
  notes: 'टिप्पणियाँ',
  backToText: 'पाठ पर वापस जाएँ',
  image: 'चित्र',
  imageMissing: 'चित्र उपलब्ध नहीं है',
  credit: 'फ़ोटो:',
  contents: 'विषय-सूची',
  landmarks: 'मुख्य स्थान',
  cover: 'आवरण',
  coverImage: 'आवरण चित्र',
  titlePage: 'शीर्षक पृष्ठ',
  startOfText: 'पाठ का आरंभ',
  aboutTheAuthor: 'लेखक के बारे में',
  aboutTheAuthors: 'लेखकों के बारे में',
  by: 'लेखक:',
  published: 'प्रकाशित',
  updated: 'अद्यतन',
  correction: 'सुधार',
  corrections: 'सुधार',
  collection: 'संकलन',
  articleCount: '{count} लेख',
  skipToArticle: 'लेख पर जाएँ',
  allArticles: 'सभी लेख',
  articles: 'लेख',
  page: 'पृष्ठ {page} / {pages}',
  embargo: 'प्रतिबंधित: {date} से पहले प्रकाशित न करें',
}

const zh: Labels = {
  notes: '注释',
  backToText: '返回正文',
  image: '图片',
  imageMissing: '图片不可用',
  credit: '摄影：',
  contents: '目录',
  landmarks: '导航',
  cover: '封面',
  coverImage: '封面图片',
  titlePage: '书名页',
  startOfText: '正文开始',
  aboutTheAuthor: '关于作者',
  aboutTheAuthors: '关于作者',
  by: '作者：',
  published: '发布于',
  updated: '更新于',
  correction: '更正',
  corrections: '更正',
  collection: '精选',
  articleCount: '共 {count} 篇文章',
  skipToArticle: '跳到文章',
  allArticles: '全部文章',
  articles: '文章',
  page: '第 {page} 页，共 {pages} 页',
  embargo: '禁发：{date} 之前不得发布',
}

const ja: Labels = {
  notes: '注',
  backToText: '本文に戻る',
  image: '画像',
  imageMissing: '画像を表示できません',
  credit: '写真：',
  contents: '目次',
  landmarks: 'ランドマーク',
  cover: '表紙',
  coverImage: '表紙画像',
  titlePage: '扉',
  startOfText: '本文の始まり',
  aboutTheAuthor: '著者について',
  aboutTheAuthors: '著者について',
  by: '著者：',
  published: '公開日',
  updated: '更新日',
  correction: '訂正',
  corrections: '訂正',
  collection: 'セレクション',
  articleCount: '{count}本の記事',
  skipToArticle: '記事へ移動',
  allArticles: 'すべての記事',
  articles: '記事',
  page: '{page} / {pages} ページ',
  embargo: '解禁日時前の公開禁止：{date}',
}

const ko: Labels = {
  notes: '주석',
  backToText: '본문으로 돌아가기',
  image: '이미지',
  imageMissing: '이미지를 표시할 수 없음',
  credit: '사진:',
  contents: '목차',
  landmarks: '랜드마크',
  cover: '표지',
  coverImage: '표지 이미지',
  titlePage: '속표지',
  startOfText: '본문 시작',
  aboutTheAuthor: '저자 소개',
  aboutTheAuthors: '저자 소개',
  by: '글:',
  published: '게시일',
  updated: '수정일',
  correction: '정정',
  corrections: '정정',
  collection: '모음',
  articleCount: '기사 {count}편',
  skipToArticle: '기사로 건너뛰기',
  allArticles: '모든 기사',
  articles: '기사',
  page: '{page} / {pages}쪽',
  embargo: '엠바고: {date} 이전 보도 금지',
}

/** The labels of every language Pressroom ships, by primary language subtag. */
export const labelTable: Readonly<Record<string, Labels>> = {
  en,
  ar,
  ur,
  fa,
  fr,
  de,
  es,
  ru,
  el,
  hi,
  zh,
  ja,
  ko,
}

/** The languages with labels of their own (others read English). */
export const labelLanguages: readonly string[] = Object.keys(labelTable)

/** The primary subtag of a BCP 47 tag, lower case (`pt-BR` -> `pt`, `zh_Hant` -> `zh`). */
export function primaryLanguage(language: string): string {
  return language.toLowerCase().split(/[-_]/)[0] || 'en'
}

/** The labels for a BCP 47 language tag (English when the language has none), with overrides on top. */
export function labelsFor(language: string, overrides?: Partial<Labels>): Labels {
  const primary = primaryLanguage(language)
  const base = Object.hasOwn(labelTable, primary) ? (labelTable[primary] as Labels) : en
  if (!overrides) return base
  const merged = { ...base }
  for (const [key, value] of Object.entries(overrides)) {
    if (typeof value === 'string') merged[key as LabelKey] = value
  }
  return merged
}

/** A label with its `{name}` placeholders filled in. */
export function fillLabel(label: string, values: Record<string, string | number>): string {
  return label.replace(/\{(\w+)\}/g, (whole, name: string) =>
    Object.hasOwn(values, name) ? String(values[name]) : whole,
  )
}
