import { readFileSync } from 'node:fs'
import { createRequire } from 'node:module'

/** A font file written into the book. */
export interface BookFont {
  id: string
  href: string
  mediaType: string
  bytes: Uint8Array
}

export interface FontFace {
  family: string
  weight: 400 | 700
  style: 'normal' | 'italic'
  /** Module path inside `@expo-google-fonts/*` (the package's own asset, not the network). */
  module: string
  file: string
}

export const serifFaces: FontFace[] = [
  {
    family: 'Noto Serif',
    weight: 400,
    style: 'normal',
    module: '@expo-google-fonts/noto-serif/400Regular/NotoSerif_400Regular.ttf',
    file: 'NotoSerif-Regular.ttf',
  },
  {
    family: 'Noto Serif',
    weight: 400,
    style: 'italic',
    module: '@expo-google-fonts/noto-serif/400Regular_Italic/NotoSerif_400Regular_Italic.ttf',
    file: 'NotoSerif-Italic.ttf',
  },
  {
    family: 'Noto Serif',
    weight: 700,
    style: 'normal',
    module: '@expo-google-fonts/noto-serif/700Bold/NotoSerif_700Bold.ttf',
    file: 'NotoSerif-Bold.ttf',
  },
  {
    family: 'Noto Serif',
    weight: 700,
    style: 'italic',
    module: '@expo-google-fonts/noto-serif/700Bold_Italic/NotoSerif_700Bold_Italic.ttf',
    file: 'NotoSerif-BoldItalic.ttf',
  },
]

export const arabicFaces: FontFace[] = [
  {
    family: 'Noto Naskh Arabic',
    weight: 400,
    style: 'normal',
    module: '@expo-google-fonts/noto-naskh-arabic/400Regular/NotoNaskhArabic_400Regular.ttf',
    file: 'NotoNaskhArabic-Regular.ttf',
  },
  {
    family: 'Noto Naskh Arabic',
    weight: 700,
    style: 'normal',
    module: '@expo-google-fonts/noto-naskh-arabic/700Bold/NotoNaskhArabic_700Bold.ttf',
    file: 'NotoNaskhArabic-Bold.ttf',
  },
]

const cache = new Map<string, Uint8Array>()

/** The bytes of a font file shipped in an npm package (`@expo-google-fonts/...`), read once per process. */
export function fontFile(module: string): Uint8Array {
  let bytes = cache.get(module)
  if (!bytes) {
    const require = createRequire(import.meta.url)
    bytes = new Uint8Array(readFileSync(require.resolve(module)))
    cache.set(module, bytes)
  }
  return bytes
}

function load(face: FontFace): Uint8Array {
  return fontFile(face.module)
}

export interface EmbeddedFonts {
  fonts: BookFont[]
  /** `@font-face` rules and the font stacks using them, to put before the stylesheet. */
  css: string
}

/** The fonts to embed and their CSS; Arabic-script faces only when the book has right-to-left text. */
export function embeddedFonts(options: { arabic: boolean; rtlFirst: boolean }): EmbeddedFonts {
  const faces = options.arabic ? [...serifFaces, ...arabicFaces] : serifFaces
  const fonts: BookFont[] = []
  let css = ''
  faces.forEach((face, index) => {
    const href = `fonts/${face.file}`
    fonts.push({ id: `font-${index + 1}`, href, mediaType: 'font/ttf', bytes: load(face) })
    css += `@font-face {\n  font-family: "${face.family}";\n  font-weight: ${face.weight};\n  font-style: ${face.style};\n  src: url("${href}");\n}\n`
  })
  const stack = options.arabic
    ? options.rtlFirst
      ? '"Noto Naskh Arabic", "Noto Serif", serif'
      : '"Noto Serif", "Noto Naskh Arabic", serif'
    : '"Noto Serif", serif'
  css += `body { font-family: ${stack}; }\n`
  return { fonts, css }
}
