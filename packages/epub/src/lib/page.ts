import { hastToXhtml } from '@pressroom/html'
import { numericEntities } from '@pressroom/toolkit'
import type { ElementContent, Properties } from 'hast'
import { h } from 'hastscript'

export interface PageOptions {
  /** The document's `<title>`. */
  title: string
  language: string
  dir: 'ltr' | 'rtl'
  /** Properties of `<body>` (`{ 'epub:type': 'bodymatter' }`). */
  bodyProperties?: Properties
  /** The body's content, as hast. */
  content: ElementContent[]
  /** Link the stylesheet (default true). */
  stylesheet?: boolean
}

/** `children`, each followed by a line break, after one: the layout of every block this package writes. */
export function lines(children: ReadonlyArray<ElementContent | undefined>): ElementContent[] {
  const out: ElementContent[] = [{ type: 'text', value: '\n' }]
  for (const child of children) {
    if (child) out.push(child, { type: 'text', value: '\n' })
  }
  return out
}

/**
 * A complete XHTML 5 content document, polyglot, with the `epub` namespace
 * declared: a hast tree serialised by `@pressroom/html` (the body's own
 * serialiser), with numeric character references only (EPUBCheck notes named
 * entities, HTM-006).
 */
export function xhtmlPage(options: PageOptions): string {
  const head = h('head', [
    '\n',
    h('meta', { charSet: 'UTF-8' }),
    '\n',
    h('title', options.title),
    '\n',
    options.stylesheet === false
      ? undefined
      : h('link', { rel: 'stylesheet', type: 'text/css', href: 'style.css' }),
    '\n',
  ])
  const body = h('body', options.bodyProperties ?? {}, ['\n', ...options.content, '\n'])
  const html = h(
    'html',
    {
      xmlns: 'http://www.w3.org/1999/xhtml',
      'xmlns:epub': 'http://www.idpf.org/2007/ops',
      'xml:lang': options.language,
      lang: options.language,
      dir: options.dir,
    },
    ['\n', head, '\n', body, '\n'],
  )
  return `<?xml version="1.0" encoding="UTF-8"?>\n<!DOCTYPE html>\n${numericEntities(hastToXhtml(html))}\n`
}
