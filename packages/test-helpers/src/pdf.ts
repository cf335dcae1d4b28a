import { tool } from './process.js'

/** Normalise extracted text: soft hyphens at line ends joined, curly quotes straightened, whitespace collapsed. */
export function normalise(text: string): string {
  return text
    .replace(/\u00AD\s*/g, '')
    .replace(/[\u2018\u2019]/g, "'")
    .replace(/[\u201C\u201D]/g, '"')
    .replace(/\s+/g, ' ')
    .trim()
}

/** A PDF file's text as poppler's `pdftotext -layout` extracts it (UTF-8). */
export function pdfText(file: string, layout = true): string {
  return tool('pdftotext', [...(layout ? ['-layout'] : []), '-enc', 'UTF-8', file, '-']).stdout
}

/** A PDF's objects as `qpdf --json=2` gives them (`obj:N 0 R` -> value or stream dictionary). */
function qpdfObjects(
  file: string,
): Record<string, { value?: QpdfValue; stream?: { dict: QpdfValue } }> {
  const json = JSON.parse(tool('qpdf', ['--json=2', '--json-key=qpdf', file]).stdout) as QpdfJson
  return json.qpdf[1]
}

/** Reading qpdf's JSON: references resolved, dictionaries and strings (`u:` Unicode, `b:` hex bytes) decoded. */
function reader(objects: ReturnType<typeof qpdfObjects>) {
  const resolve = (value: QpdfValue | undefined): QpdfValue | undefined => {
    if (typeof value === 'string' && /^\d+ \d+ R$/.test(value)) {
      const object = objects[`obj:${value}`]
      return object?.value ?? object?.stream?.dict
    }
    return value
  }
  const dictionary = (value: QpdfValue | undefined) => {
    const resolved = resolve(value)
    return resolved && typeof resolved === 'object' && !Array.isArray(resolved)
      ? resolved
      : undefined
  }
  const text = (value: QpdfValue | undefined): string | undefined => {
    const resolved = resolve(value)
    if (typeof resolved !== 'string') return undefined
    if (resolved.startsWith('u:')) return resolved.slice(2)
    if (resolved.startsWith('b:')) return Buffer.from(resolved.slice(2), 'hex').toString('latin1')
    return resolved
  }
  return { resolve, dictionary, text }
}

/**
 * The targets of a PDF's link annotations, in object order: the URI of a `/URI` action, `#name`
 * for a `/GoTo` to a named destination (`#?` when the destination is not a name).
 */
export function pdfLinks(file: string): string[] {
  const objects = qpdfObjects(file)
  const { dictionary, text } = reader(objects)
  const links: string[] = []
  for (const object of Object.values(objects)) {
    const annotation = dictionary(object.value)
    if (annotation?.['/Subtype'] !== '/Link') continue
    const action = dictionary(annotation['/A'])
    if (action?.['/S'] === '/URI') links.push(text(action['/URI']) ?? '?')
    else {
      const destination = action?.['/D'] ?? annotation['/Dest']
      const name = text(destination)
      links.push(name === undefined ? '#?' : `#${name.replace(/^\//, '')}`)
    }
  }
  return links
}

type QpdfValue = string | number | boolean | null | QpdfValue[] | { [key: string]: QpdfValue }

interface QpdfJson {
  qpdf: [unknown, Record<string, { value?: QpdfValue; stream?: { dict: QpdfValue } }>]
}

/**
 * A tagged PDF's structure tree (`/StructTreeRoot`, read with `qpdf --json=2`) as an indented list
 * of roles, one element per line: `Document`, then `  H1 "Title"` ... An element's `/Alt`,
 * `/ActualText`, `/Lang` and `/T` are shown after its role when it has them; marked content
 * is left out (the text is in `pdftotext`). `/K` kids that are structure elements are walked in
 * order.
 */
export function pdfStructureTree(file: string): string {
  const objects = qpdfObjects(file)
  const { dictionary, text } = reader(objects)
  const trailer = objects.trailer?.value as Record<string, QpdfValue> | undefined
  const catalog = dictionary(trailer?.['/Root'])
  const treeRoot = dictionary(catalog?.['/StructTreeRoot'])
  if (!treeRoot) return '(no /StructTreeRoot)\n'
  const lines: string[] = []
  const seen = new Set<QpdfValue>()
  const walk = (value: QpdfValue | undefined, depth: number): void => {
    if (value === undefined) return
    if (Array.isArray(value)) {
      for (const item of value) walk(item, depth)
      return
    }
    if (typeof value === 'string' && seen.has(value)) return
    if (typeof value === 'string') seen.add(value)
    const element = dictionary(value)
    if (!element) return // marked-content ids (numbers) and references to content
    const type = element['/Type']
    if (type === '/MCR' || type === '/OBJR') return
    const role = element['/S']
    if (typeof role !== 'string') {
      walk(element['/K'], depth)
      return
    }
    const details = [
      ['Lang', text(element['/Lang'])],
      ['T', text(element['/T'])],
      ['Alt', text(element['/Alt'])],
      ['ActualText', text(element['/ActualText'])],
    ]
      .filter(([, detail]) => detail !== undefined)
      .map(([name, detail]) => `${name}=${JSON.stringify(detail)}`)
    lines.push(
      `${'  '.repeat(depth)}${role.slice(1)}${details.length ? ` ${details.join(' ')}` : ''}`,
    )
    walk(element['/K'], depth + 1)
  }
  walk(treeRoot['/K'], 0)
  return `${lines.join('\n')}\n`
}
