/**
 * Site template syntax (Liquid/Nunjucks, Hugo shortcodes, MDX, kramdown
 * attribute lists) recognised in the Markdown source and replaced by the
 * Markdown it stands for, never printed. Code (fenced blocks, inline code) is
 * left as written. Line breaks are kept, so positions stay on their lines.
 */

export interface TemplateFinding {
  /** What was found, e.g. `Hugo shortcode`. */
  kind: string
  /** An example as written (shortened). */
  example: string
  /** Where the first one is (line and column in the source). */
  line: number
  column: number
}

/** Shortcodes whose content is a box beside the text. */
const asideNames = new Set([
  'note',
  'notice',
  'tip',
  'warning',
  'info',
  'callout',
  'alert',
  'admonition',
  'aside',
  'hint',
  'important',
  'caution',
  'sidebar',
  'pullquote',
])
/** Shortcodes that show an image: `src` and `alt` make a figure. */
const imageNames =
  /^(figure|image|img|picture|photo|responsive-image|include\s+(?:figure|image|img|picture)[\w-]*\.html)$/

export function replaceTemplates(
  text: string,
  start = 0,
): { text: string; found: TemplateFinding[] } {
  const found = new Map<string, TemplateFinding>()
  const note = (kind: string, example: string, line: number, column: number) => {
    const seen = found.get(kind)
    if (!seen || line < seen.line || (line === seen.line && column < seen.column))
      found.set(kind, {
        kind,
        example: example.length > 40 ? `${example.slice(0, 39)}…` : example,
        line,
        column,
      })
  }
  /** Line and column of `offset` in `within`, which starts on `firstLine`. */
  const place = (within: string, offset: number, firstLine: number): [number, number] => {
    const before = within.slice(0, offset).split('\n')
    return [firstLine + before.length - 1, before.at(-1)!.length + 1]
  }
  const startLine = text.slice(0, start).split('\n').length
  const head = text.slice(0, start)
  let body = text.slice(start)

  // Code written with template tags becomes fenced code first.
  body = body.replace(
    /\{%-?\s*highlight\s+([\w+-]+)[^%]*-?%\}([\s\S]{0,8000}?)\{%-?\s*endhighlight\s*-?%\}/g,
    (all, lang: string, code: string, offset: number) => {
      note('Liquid tag', all.split('\n')[0], ...place(body, offset, startLine))
      return `\`\`\`${lang}${code.startsWith('\n') ? '' : '\n'}${code}${code.endsWith('\n') ? '' : '\n'}\`\`\``
    },
  )
  body = body.replace(
    /\{\{<\s*(?:highlight|code)\s+(?:lang=)?"?([\w+-]*)"?[^>]*>\}\}([\s\S]{0,8000}?)\{\{<\s*\/(?:highlight|code)\s*>\}\}/g,
    (all, lang: string, code: string, offset: number) => {
      note('Hugo shortcode', all.split('\n')[0], ...place(body, offset, startLine))
      return `\`\`\`${lang}${code.startsWith('\n') ? '' : '\n'}${code}${code.endsWith('\n') ? '' : '\n'}\`\`\``
    },
  )

  // Outside code only.
  const pieces = splitCode(body)
  let line = startLine
  let column = 1
  const out: string[] = []
  for (const piece of pieces) {
    const [pieceLine, pieceColumn] = [line, column]
    out.push(
      piece.code
        ? piece.text
        : replaceInProse(piece.text, (kind, example, at, within) => {
            const [atLine, atColumn] = place(within, at, pieceLine)
            note(
              kind,
              example,
              atLine,
              atLine === pieceLine ? atColumn + pieceColumn - 1 : atColumn,
            )
          }),
    )
    const lines = piece.text.split('\n')
    line += lines.length - 1
    column = lines.length > 1 ? lines.at(-1)!.length + 1 : column + piece.text.length
  }
  return {
    text: head + out.join(''),
    found: [...found.values()].sort((a, b) => a.line - b.line || a.column - b.column),
  }
}

type Note = (kind: string, example: string, offset: number, within: string) => void

function replaceInProse(text: string, note: Note): string {
  const keepLines = (value: string) => '\n'.repeat((value.match(/\n/g) ?? []).length)
  // `{% raw %}...{% endraw %}`: the text inside is the author's, as written.
  const raw: string[] = []
  let result = text.replace(
    /\{%-?\s*raw\s*-?%\}((?:(?!\{%-?\s*raw\b)[\s\S]){0,8000}?)\{%-?\s*endraw\s*-?%\}/g,
    (_all, inner: string, at: number) => {
      note('Liquid tag', '{% raw %}', at, text)
      raw.push(inner)
      return `\uE000${raw.length - 1}\uE001`
    },
  )
  const swap = (pattern: RegExp, kind: string, replace: (match: RegExpExecArray) => string) => {
    const before = result
    result = result.replace(pattern, (...args) => {
      const match = args.slice(0, -2) as unknown as RegExpExecArray
      const at = args.at(-2) as number
      note(kind, match[0].split('\n')[0], at, before)
      const value = replace(match)
      // Keep the number of lines.
      const lost = (match[0].match(/\n/g) ?? []).length - (value.match(/\n/g) ?? []).length
      return lost > 0 ? value + '\n'.repeat(lost) : value
    })
  }
  // Comments: `{% comment %}...{% endcomment %}`, `{# #}`, `{/* */}`, `{::comment}`.
  swap(/\{%-?\s*comment\s*-?%\}[\s\S]{0,8000}?\{%-?\s*endcomment\s*-?%\}/g, 'Liquid tag', (m) =>
    keepLines(m[0]),
  )
  swap(/\{#(?:(?!\{#)[\s\S]){0,8000}?#\}/g, 'Nunjucks comment', (m) => keepLines(m[0]))
  swap(/\{\/\*(?:(?!\{\/\*)[\s\S]){0,8000}?\*\/\}/g, 'MDX comment', (m) => keepLines(m[0]))
  swap(/\{::comment\}[\s\S]{0,8000}?\{:\/comment\}/g, 'kramdown extension', (m) => keepLines(m[0]))
  swap(
    /\{::(?:options|nomarkdown)[^}]*\/?\}(?:[\s\S]{0,8000}?\{:\/(?:nomarkdown)?\})?/g,
    'kramdown extension',
    (m) => keepLines(m[0]),
  )
  // MDX module lines.
  swap(
    /^(?:import\s+[^\n]*?from\s+['"][^'"\n]+['"];?|import\s+['"][^'"\n]+['"];?|export\s+(?:const|let|default|function)\b[^\n]*)$/gm,
    'MDX import/export',
    () => '',
  )

  // Figures and images from shortcodes.
  swap(/\{\{[<%]\s*([\w-]+)\s+([^}]*?)\s*\/?[>%]\}\}/g, 'Hugo shortcode', (m) => {
    const name = m[1].toLowerCase()
    const args = parseArguments(m[2])
    if (imageNames.test(name)) return figureMarkdown(args) ?? ''
    if (name === 'ref' || name === 'relref') return args.positional[0] ?? ''
    if (asideNames.has(name)) return ':::aside'
    return ''
  })
  swap(/\{\{[<%]\s*\/\s*([\w-]+)\s*[>%]\}\}/g, 'Hugo shortcode', (m) =>
    asideNames.has(m[1].toLowerCase()) ? ':::' : '',
  )
  swap(/\{\{[<%]\s*([\w-]+)\s*[>%]\}\}/g, 'Hugo shortcode', (m) =>
    asideNames.has(m[1].toLowerCase()) ? ':::aside' : '',
  )
  swap(/\{%-?\s*(include|image|figure|img)\s+([^%]*?)\s*-?%\}/g, 'Liquid tag', (m) => {
    const args = parseArguments(m[2])
    const name = m[1] === 'include' ? `include ${args.positional.shift() ?? ''}` : m[1]
    if (imageNames.test(name) || m[1] !== 'include') return figureMarkdown(args) ?? ''
    return ''
  })
  swap(/\{%-?\s*(?:raw|endraw)\s*-?%\}/g, 'Liquid tag', () => '')
  swap(/\{%-?\s*(?:note|aside|callout)\b[^%]*-?%\}/g, 'Liquid tag', () => ':::aside')
  swap(/\{%-?\s*end(?:note|aside|callout)\s*-?%\}/g, 'Liquid tag', () => ':::')
  swap(/\{%-?(?:(?!\{%)[\s\S]){0,8000}?-?%\}/g, 'Liquid tag', (m) => keepLines(m[0]))
  // Output tags: `{{ "/path" | url }}` gives the path; `{{ site.baseurl }}` nothing.
  swap(
    /\{\{-?\s*(["'])([^"'\n]*)\1\s*\|\s*(?:url|relative_url|absolute_url|relURL|absURL|prepend:[^}|]*)[^}]*?-?\}\}/g,
    'Liquid/Nunjucks output',
    (m) => m[2],
  )
  swap(/\{\{-?(?:(?!\{\{)[\s\S]){0,8000}?-?\}\}/g, 'Liquid/Nunjucks output', (m) => keepLines(m[0]))
  // kramdown's generated table of contents: the placeholder list item goes with its `{:toc}`.
  swap(
    /^[ \t]*(?:[*+-]|1\.)[ \t]+[^\n]*\n[ \t]*\{:\s*\.?toc\s*\}[ \t]*$/gm,
    'kramdown attribute list',
    () => '\n',
  )
  // kramdown attribute lists alone on a line, or after a span (`*x*{: .y}`).
  swap(/^[ \t]*\{:[^}\n]*\}[ \t]*$/gm, 'kramdown attribute list', () => '')
  swap(/(?<=\S)\{:[^}\n]*\}/g, 'kramdown attribute list', (m) =>
    /^\{:\s*#/.test(m[0]) ? m[0] : '',
  )
  return result.replace(/\uE000(\d+)\uE001/g, (_all, index: string) => raw[Number(index)])
}

function figureMarkdown(args: ReturnType<typeof parseArguments>): string | undefined {
  const named = args.named
  const src =
    named.src ??
    named.image ??
    named.url ??
    named.file ??
    named.path ??
    named.img ??
    args.positional[0]
  if (!src) return undefined
  const alt = named.alt ?? named.description ?? named.caption ?? args.positional[1] ?? ''
  const caption =
    named.caption ?? named.title ?? (named.alt ? args.positional[1] : args.positional[2])
  const escapeAlt = alt.replace(/([\\[\]])/g, '\\$1')
  const title = caption && caption !== alt ? ` "${caption.replace(/"/g, '\\"')}"` : ''
  return `![${escapeAlt}](<${src.replace(/[<>]/g, '')}>${title})`
}

/** `key="value" key=value "positional"` (Hugo, Liquid include and Nunjucks argument styles). */
function parseArguments(text: string): { named: Record<string, string>; positional: string[] } {
  const named: Record<string, string> = {}
  const positional: string[] = []
  const pattern =
    /([\w-]+)\s*[=:]\s*(?:"([^"]*)"|'([^']*)'|([^\s,]+))|"([^"]*)"|'([^']*)'|([^\s,=]+)/g
  for (const match of text.matchAll(pattern)) {
    if (match[1]) named[match[1].toLowerCase()] = match[2] ?? match[3] ?? match[4] ?? ''
    else positional.push(match[5] ?? match[6] ?? match[7] ?? '')
  }
  return { named, positional }
}

/** Split Markdown into code (fenced blocks, inline code spans) and the rest. */
function splitCode(text: string): Array<{ text: string; code: boolean }> {
  const pieces: Array<{ text: string; code: boolean }> = []
  const lines = text.split(/(?<=\n)/)
  let prose = ''
  let fence: string | undefined
  let code = ''
  for (const line of lines) {
    if (fence) {
      code += line
      if (new RegExp(`^ {0,3}${fence[0]}{${fence.length},}\\s*$`).test(line)) {
        pieces.push({ text: code, code: true })
        code = ''
        fence = undefined
      }
      continue
    }
    const open = /^ {0,3}(`{3,}|~{3,})/.exec(line)
    if (open) {
      if (prose) pieces.push(...splitInlineCode(prose))
      prose = ''
      fence = open[1]
      code = line
      continue
    }
    prose += line
  }
  if (fence) pieces.push({ text: code, code: true })
  if (prose) pieces.push(...splitInlineCode(prose))
  return pieces
}

function splitInlineCode(text: string): Array<{ text: string; code: boolean }> {
  const pieces: Array<{ text: string; code: boolean }> = []
  let last = 0
  for (const match of text.matchAll(/(`+)(?!`)[\s\S]{0,8000}?[^`]\1(?!`)/g)) {
    if (match.index > last) pieces.push({ text: text.slice(last, match.index), code: false })
    pieces.push({ text: match[0], code: true })
    last = match.index + match[0].length
  }
  if (last < text.length) pieces.push({ text: text.slice(last), code: false })
  return pieces
}
