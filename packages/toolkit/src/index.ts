/**
 * @pressroom/toolkit — what every writer shares, decided once (like pandoc's `Writers/Shared`).
 */
export { type DateValue, formatDate, formatDateTime, machineDate } from './dates.js'
export {
  cleanText,
  controlCharacters,
  escapeHtml,
  escapeXml,
  escapeXmlAttribute,
  escapeXmlText,
  jsonForScript,
  numericEntities,
  removeControlCharacters,
} from './escape.js'
export {
  bookFaces,
  type FontFace,
  type FontKey,
  fontBytes,
  fontFaces,
  fontKeys,
  fontPath,
} from './fonts.js'
export {
  fillLabel,
  type LabelKey,
  type Labels,
  labelLanguages,
  labelsFor,
  labelTable,
  primaryLanguage,
} from './labels.js'
export { messageKey, uniqueMessages } from './messages.js'
export { joinNames } from './names.js'
export {
  absoluteUrl,
  imageSchemes,
  linkSchemes,
  resolveUrl,
  safeUrl,
  type UrlKind,
} from './url.js'
