/**
 * The font registry: every face Pressroom sets text in, for the PDF (drawn) and the EPUB
 * (embedded), from npm packages on this machine (never the network). Read once per process.
 */
import { readFileSync } from 'node:fs'
import { createRequire } from 'node:module'

/** The roles a face plays. */
export type FontKey =
  | 'serif'
  | 'serifItalic'
  | 'serifBold'
  | 'serifBoldItalic'
  | 'mono'
  | 'monoBold'
  | 'arabic'
  | 'arabicBold'
  | 'latinInArabic'
  | 'latinInArabicBold'
  | 'cjk'
  | 'cjkBold'
  | 'hangul'
  | 'hangulBold'
  | 'devanagari'
  | 'devanagariBold'
  | 'emoji'

export interface FontFace {
  family: string
  weight: number
  style: 'normal' | 'italic'
  /** Module path inside `@expo-google-fonts/*` (the package's own file). */
  module: string
  /** File name to use when the face is copied into a container (an EPUB). */
  file: string
}

function face(
  family: string,
  weight: number,
  style: 'normal' | 'italic',
  module: string,
  file: string,
): FontFace {
  return { family, weight, style, module: `@expo-google-fonts/${module}`, file }
}

/** Every face, by role. */
export const fontFaces: Readonly<Record<FontKey, FontFace>> = {
  serif: face(
    'Noto Serif',
    400,
    'normal',
    'noto-serif/400Regular/NotoSerif_400Regular.ttf',
    'NotoSerif-Regular.ttf',
  ),
  serifItalic: face(
    'Noto Serif',
    400,
    'italic',
    'noto-serif/400Regular_Italic/NotoSerif_400Regular_Italic.ttf',
    'NotoSerif-Italic.ttf',
  ),
  serifBold: face(
    'Noto Serif',
    700,
    'normal',
    'noto-serif/700Bold/NotoSerif_700Bold.ttf',
    'NotoSerif-Bold.ttf',
  ),
  serifBoldItalic: face(
    'Noto Serif',
    700,
    'italic',
    'noto-serif/700Bold_Italic/NotoSerif_700Bold_Italic.ttf',
    'NotoSerif-BoldItalic.ttf',
  ),
  mono: face(
    'Source Code Pro',
    400,
    'normal',
    'source-code-pro/400Regular/SourceCodePro_400Regular.ttf',
    'SourceCodePro-Regular.ttf',
  ),
  monoBold: face(
    'Source Code Pro',
    700,
    'normal',
    'source-code-pro/700Bold/SourceCodePro_700Bold.ttf',
    'SourceCodePro-Bold.ttf',
  ),
  arabic: face(
    'Noto Naskh Arabic',
    400,
    'normal',
    'noto-naskh-arabic/400Regular/NotoNaskhArabic_400Regular.ttf',
    'NotoNaskhArabic-Regular.ttf',
  ),
  arabicBold: face(
    'Noto Naskh Arabic',
    700,
    'normal',
    'noto-naskh-arabic/700Bold/NotoNaskhArabic_700Bold.ttf',
    'NotoNaskhArabic-Bold.ttf',
  ),
  // Naskh's strokes are thin: Latin words and digits inside Arabic text are set one weight lighter
  // than the serif's (Light for regular, SemiBold for bold), so they do not look heavier.
  latinInArabic: face(
    'Noto Serif',
    300,
    'normal',
    'noto-serif/300Light/NotoSerif_300Light.ttf',
    'NotoSerif-Light.ttf',
  ),
  latinInArabicBold: face(
    'Noto Serif',
    600,
    'normal',
    'noto-serif/600SemiBold/NotoSerif_600SemiBold.ttf',
    'NotoSerif-SemiBold.ttf',
  ),
  // Fallbacks, used only when a character needs them: Noto Sans SC (Han of Simplified and
  // Traditional Chinese and Japanese kana), Nanum Myeongjo (Hangul, a serif like the body),
  // Noto Serif Devanagari (Hindi), Noto Emoji (monochrome).
  cjk: face(
    'Noto Sans SC',
    400,
    'normal',
    'noto-sans-sc/400Regular/NotoSansSC_400Regular.ttf',
    'NotoSansSC-Regular.ttf',
  ),
  cjkBold: face(
    'Noto Sans SC',
    700,
    'normal',
    'noto-sans-sc/700Bold/NotoSansSC_700Bold.ttf',
    'NotoSansSC-Bold.ttf',
  ),
  hangul: face(
    'Nanum Myeongjo',
    400,
    'normal',
    'nanum-myeongjo/400Regular/NanumMyeongjo_400Regular.ttf',
    'NanumMyeongjo-Regular.ttf',
  ),
  hangulBold: face(
    'Nanum Myeongjo',
    800,
    'normal',
    'nanum-myeongjo/800ExtraBold/NanumMyeongjo_800ExtraBold.ttf',
    'NanumMyeongjo-ExtraBold.ttf',
  ),
  devanagari: face(
    'Noto Serif Devanagari',
    400,
    'normal',
    'noto-serif-devanagari/400Regular/NotoSerifDevanagari_400Regular.ttf',
    'NotoSerifDevanagari-Regular.ttf',
  ),
  devanagariBold: face(
    'Noto Serif Devanagari',
    700,
    'normal',
    'noto-serif-devanagari/700Bold/NotoSerifDevanagari_700Bold.ttf',
    'NotoSerifDevanagari-Bold.ttf',
  ),
  emoji: face(
    'Noto Emoji',
    400,
    'normal',
    'noto-emoji/400Regular/NotoEmoji_400Regular.ttf',
    'NotoEmoji-Regular.ttf',
  ),
}

export const fontKeys = Object.keys(fontFaces) as FontKey[]

/** The faces of the body text an EPUB embeds: the serif, and Naskh for right-to-left books. */
export const bookFaces: { serif: FontKey[]; arabic: FontKey[] } = {
  serif: ['serif', 'serifItalic', 'serifBold', 'serifBoldItalic'],
  arabic: ['arabic', 'arabicBold'],
}

const require = createRequire(import.meta.url)
const bytesByKey = new Map<FontKey, Uint8Array>()

/** The file a face is read from. */
export function fontPath(key: FontKey): string {
  return require.resolve(fontFaces[key].module)
}

/** The bytes of a face, read once per process. */
export function fontBytes(key: FontKey): Uint8Array {
  let bytes = bytesByKey.get(key)
  if (!bytes) {
    const buffer = readFileSync(fontPath(key))
    bytes = new Uint8Array(buffer.buffer, buffer.byteOffset, buffer.byteLength)
    bytesByKey.set(key, bytes)
  }
  return bytes
}
