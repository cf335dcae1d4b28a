import { bookFaces, type FontKey, fontBytes, fontFaces } from '@pressroom/toolkit'

/** A font file written into the book. */
export interface BookFont {
  id: string
  href: string
  mediaType: string
  bytes: Uint8Array
}

export interface EmbeddedFonts {
  fonts: BookFont[]
  /** `@font-face` rules and the font stacks using them, to put before the stylesheet. */
  css: string
}

/**
 * The fonts to embed and their CSS: the toolkit's book faces (`bookFaces`),
 * the Arabic-script ones only when the book has right-to-left text.
 */
export function embeddedFonts(options: { arabic: boolean; rtlFirst: boolean }): EmbeddedFonts {
  const keys: FontKey[] = options.arabic
    ? [...bookFaces.serif, ...bookFaces.arabic]
    : [...bookFaces.serif]
  const fonts: BookFont[] = []
  let css = ''
  keys.forEach((key, index) => {
    const face = fontFaces[key]
    const href = `fonts/${face.file}`
    fonts.push({ id: `font-${index + 1}`, href, mediaType: 'font/ttf', bytes: fontBytes(key) })
    css += `@font-face {\n  font-family: "${face.family}";\n  font-weight: ${face.weight};\n  font-style: ${face.style};\n  src: url("${href}");\n}\n`
  })
  const serif = fontFaces.serif.family
  const arabic = fontFaces.arabic.family
  const stack = options.arabic
    ? options.rtlFirst
      ? `"${arabic}", "${serif}", serif`
      : `"${serif}", "${arabic}", serif`
    : `"${serif}", serif`
  css += `body { font-family: ${stack}; }\n`
  return { fonts, css }
}
