/**
 * The preview's own pages: the index of articles with their state, and one
 * page per article with every built output side by side. Server-rendered
 * HTML; the script (`/preview.js`) only draws the EPUB and the PDF and
 * reloads the page after a rebuild.
 */
import { escapeXml as esc } from '@pressroom/html'
import type { MessageData } from './messages.js'

export interface PreviewArticle {
  file: string
  slug: string
  title: string
  /** The article's language and direction (for its title). */
  language?: string
  dir?: 'ltr' | 'rtl'
  state: 'built' | 'failed' | 'embargoed' | 'withheld' | 'canceled'
  errors: number
  warnings: number
  /** Outputs of a good build exist (this one or an earlier one). */
  built: boolean
}

export interface ArticleView extends PreviewArticle {
  /** Where the article's built files are served: `/out/<slug>`, or `/held/<slug>` for a held article. */
  base: string
  version: number
  source: string
  messages: MessageData[]
  partners: { name: string; text: string }[]
  jsonLd: string
  feedItem: unknown
  has(format: string): boolean
}

const stateText: Record<PreviewArticle['state'], string> = {
  built: 'built',
  failed: 'failed',
  embargoed: 'embargoed',
  withheld: 'withheld',
  canceled: 'canceled',
}

const style = `
:root { color-scheme: light; --text: #1b1b1b; --muted: #4d4d4d; --line: #b5b5b5; --panel: #f4f4f2;
  --accent: #0b4f8a; --bad: #a3001b; --ok: #1d5e20; --warn: #7a4a00; }
* { box-sizing: border-box; }
body { margin: 0; font: 15px/1.5 system-ui, -apple-system, "Segoe UI", Roboto, "Noto Sans", sans-serif;
  color: var(--text); background: #fff; }
a { color: var(--accent); }
.bar { display: flex; flex-wrap: wrap; align-items: baseline; gap: 0.5rem 1.25rem; padding: 0.6rem 1rem;
  border-bottom: 1px solid var(--line); background: var(--panel); position: sticky; top: 0; z-index: 2; }
.bar h1 { font-size: 1.15rem; margin: 0; }
.bar p { margin: 0; }
main { padding: 1rem; }
table { border-collapse: collapse; width: 100%; max-width: 70rem; }
th, td { text-align: start; padding: 0.4rem 0.6rem; border-bottom: 1px solid var(--line); vertical-align: top; }
.state { display: inline-block; padding: 0 0.5rem; border-radius: 0.75rem; border: 1px solid currentColor;
  font-size: 0.85rem; font-weight: 600; }
.state-built { color: var(--ok); } .state-failed { color: var(--bad); }
.state-embargoed, .state-withheld, .state-canceled { color: var(--warn); }
.alert { border: 2px solid var(--bad); background: #fff4f4; padding: 0.5rem 1rem; margin-bottom: 1rem; }
.alert h2 { margin: 0.25rem 0; font-size: 1.05rem; color: var(--bad); }
.panes { display: grid; grid-template-columns: repeat(auto-fit, minmax(30rem, 1fr)); gap: 1rem; }
.pane { border: 1px solid var(--line); border-radius: 4px; min-width: 0; display: flex; flex-direction: column;
  scroll-margin-top: 3.5rem; }
.pane > h2 { margin: 0; padding: 0.35rem 0.75rem; font-size: 0.95rem; background: var(--panel);
  border-bottom: 1px solid var(--line); }
.pane > .body { padding: 0.5rem; overflow: auto; height: 34rem; }
.pane iframe { width: 100%; height: 100%; border: 0; background: #fff; }
#epub-view { height: 30rem; }
.controls { display: flex; gap: 0.5rem; margin-bottom: 0.5rem; }
button { font: inherit; padding: 0.15rem 0.75rem; }
#pdf-pages canvas { display: block; max-width: 100%; height: auto; margin: 0 auto 0.75rem;
  box-shadow: 0 0 0 1px var(--line); }
pre { margin: 0; white-space: pre-wrap; overflow-wrap: anywhere; font-size: 0.8rem; }
.partner { margin-bottom: 1.25rem; }
.partner h3 { margin: 0.25rem 0; font-size: 0.95rem; }
.partner iframe { height: 14rem; border: 1px solid var(--line); }
.messages { list-style: none; margin: 0; padding: 0; font-family: ui-monospace, "DejaVu Sans Mono", monospace;
  font-size: 0.85rem; }
.messages li { padding: 0.2rem 0; border-bottom: 1px solid var(--line); }
.error { color: var(--bad); font-weight: 600; } .warning { color: var(--warn); font-weight: 600; }
ol.source { margin: 0; padding-inline-start: 3.5em; font: 0.8rem/1.45 ui-monospace, "DejaVu Sans Mono", monospace; }
ol.source li { white-space: pre-wrap; overflow-wrap: anywhere; color: var(--muted); }
ol.source li > code { color: var(--text); font: inherit; }
ol.source li:target { background: #fff2b3; outline: 2px solid var(--warn); }
.muted { color: var(--muted); }
`

function layout(title: string, version: number, body: string, scripts = ''): string {
  return (
    '<!DOCTYPE html>\n<html lang="en">\n<head>\n<meta charset="utf-8">\n' +
    '<meta name="viewport" content="width=device-width, initial-scale=1">\n<link rel="icon" href="data:,">\n' +
    `<title>${esc(title)} — Pressroom preview</title>\n<style>${style}</style>\n</head>\n` +
    `<body data-version="${version}">\n${body}\n${scripts}<script type="module" src="/preview.js"></script>\n</body>\n</html>\n`
  )
}

/** The article's title in its own language and direction. */
function titleOf(article: PreviewArticle): string {
  const attributes = article.language
    ? ` lang="${esc(article.language)}" dir="${article.dir ?? 'ltr'}"`
    : ''
  return `<span${attributes}>${esc(article.title)}</span>`
}

function stateBadge(state: PreviewArticle['state']): string {
  return `<span class="state state-${state}">${stateText[state]}</span>`
}

function counts(article: PreviewArticle): string {
  return `${article.errors} error${article.errors === 1 ? '' : 's'}, ${article.warnings} warning${article.warnings === 1 ? '' : 's'}`
}

/** The index: every article with its state and message counts. */
export function indexPage(articles: PreviewArticle[], version: number): string {
  const rows = [...articles]
    .sort((a, b) => a.file.localeCompare(b.file))
    .map(
      (article) =>
        `<tr><td><a href="/article/${encodeURIComponent(article.slug)}">${titleOf(article)}</a></td>` +
        `<td><code>${esc(article.file)}</code></td><td>${stateBadge(article.state)}</td><td>${counts(article)}</td></tr>`,
    )
    .join('\n')
  return layout(
    'Articles',
    version,
    '<header class="bar"><p><strong>Pressroom preview</strong></p></header>\n' +
      '<main>\n<h1>Articles</h1>\n' +
      '<table>\n<caption class="muted">Every article, built into a temporary folder; this page reloads after each save.</caption>\n' +
      '<thead><tr><th scope="col">Article</th><th scope="col">File</th><th scope="col">State</th><th scope="col">Messages</th></tr></thead>\n' +
      `<tbody>\n${rows}\n</tbody>\n</table>\n</main>`,
  )
}

function messageList(view: ArticleView): string {
  if (view.messages.length === 0) return '<p class="muted">No messages.</p>'
  const items = view.messages.map((message) => {
    const where = message.line
      ? `<a href="#L${message.line}">${esc(message.file)}:${message.line}:${message.column ?? 1}</a>`
      : esc(message.file)
    const severity = message.fatal
      ? '<span class="error">error</span>'
      : '<span class="warning">warning</span>'
    return `<li>${where} ${severity} ${esc(message.reason)}${message.ruleId ? ` <span class="muted">${esc(message.ruleId)}</span>` : ''}</li>`
  })
  return `<ul class="messages">\n${items.join('\n')}\n</ul>`
}

function sourceList(source: string): string {
  const lines = source.replace(/\n$/, '').split('\n')
  return `<ol class="source">\n${lines.map((line, index) => `<li id="L${index + 1}"><code>${esc(line)}</code></li>`).join('\n')}\n</ol>`
}

/** The HTML body of a partner document: ninjs 3.x `bodies`, 2.x `body_html`, JSON Feed `content_html`. */
function htmlBody(value: unknown): string | undefined {
  if (!value || typeof value !== 'object') return undefined
  const doc = value as {
    bodies?: { contentType?: string; value?: unknown }[]
    body_html?: unknown
    content_html?: unknown
    items?: { content_html?: unknown }[]
  }
  const candidates = [
    doc.bodies?.find((body) => body.contentType === 'text/html')?.value,
    doc.body_html,
    doc.content_html,
    doc.items?.[0]?.content_html,
  ]
  return candidates.find((candidate): candidate is string => typeof candidate === 'string')
}

/** A sanitised view of partner HTML: a sandboxed frame (no script, no origin) under a CSP that loads nothing. */
function sandboxed(html: string, title: string): string {
  const document =
    '<!DOCTYPE html><html><head><meta charset="utf-8">' +
    `<meta http-equiv="Content-Security-Policy" content="default-src 'none'; style-src 'unsafe-inline'">` +
    '<style>body{font:15px/1.5 Georgia,serif;margin:0.5rem;color:#1b1b1b}img{max-width:100%}</style>' +
    `</head><body>${html}</body></html>`
  return `<iframe sandbox="" title="${esc(title)}" srcdoc="${esc(document)}"></iframe>`
}

function pretty(text: string): string {
  try {
    return JSON.stringify(JSON.parse(text), null, 2)
  } catch {
    return text
  }
}

function pane(id: string, title: string, body: string): string {
  return `<section class="pane" id="${id}" aria-labelledby="${id}-title">\n<h2 id="${id}-title">${esc(title)}</h2>\n<div class="body" tabindex="0">\n${body}\n</div>\n</section>`
}

/** One article: every output side by side, its messages and its source. */
export function articlePage(view: ArticleView): string {
  const slug = encodeURIComponent(view.slug)
  const v = `?v=${view.version}`
  const missing = (what: string) =>
    `<p class="muted">No ${esc(what)}: ${view.built ? 'this format did not build' : 'the article has not built yet'}.</p>`
  const alert =
    view.state === 'failed'
      ? `<div class="alert" role="alert">\n<h2>This save did not build</h2>\n<p>${view.built ? 'The panes show the last good build.' : 'There is no good build yet.'} Messages:</p>\n${messageList(view)}\n</div>\n`
      : ''
  const partners =
    view.partners.length === 0
      ? '<p class="muted">No partner documents (no partners configured, or none take this article).</p>'
      : view.partners
          .map((partner) => {
            let parsed: unknown
            try {
              parsed = JSON.parse(partner.text)
            } catch {}
            const body = htmlBody(parsed)
            return (
              `<section class="partner" id="partner-${esc(partner.name)}" aria-labelledby="partner-${esc(partner.name)}-title">\n` +
              `<h3 id="partner-${esc(partner.name)}-title">${esc(partner.name)}</h3>\n` +
              (body ? sandboxed(body, `${partner.name}: HTML body (sanitised)`) : '') +
              `<pre tabindex="0" aria-label="${esc(partner.name)} payload">${esc(pretty(partner.text))}</pre>\n</section>`
            )
          })
          .join('\n')
  const panes = [
    pane(
      'web',
      'Web page',
      view.has('html')
        ? `<iframe title="Web page: ${esc(view.title)}" src="${view.base}/index.html${v}"></iframe>`
        : missing('web page'),
    ),
    pane(
      'epub',
      'EPUB',
      view.has('epub')
        ? `<div class="controls"><button type="button" id="epub-prev">Previous</button><button type="button" id="epub-next">Next</button></div>\n<div id="epub-view" data-src="${view.base}/${slug}.epub${v}" aria-label="EPUB reader" role="region"></div>`
        : missing('EPUB'),
    ),
    pane(
      'pdf',
      'PDF',
      view.has('pdf')
        ? `<div id="pdf-pages" data-src="${view.base}/${slug}.pdf${v}"></div>`
        : missing('PDF'),
    ),
    pane('partners', 'Partners', partners),
    pane(
      'jsonld',
      'JSON-LD',
      view.jsonLd
        ? `<pre tabindex="0" aria-label="JSON-LD">${esc(pretty(view.jsonLd))}</pre>`
        : missing('JSON-LD'),
    ),
    pane(
      'feed',
      'Feed entry',
      view.feedItem
        ? `<pre tabindex="0" aria-label="Feed entry">${esc(JSON.stringify(view.feedItem, null, 2))}</pre>`
        : `<p class="muted">Not in feed.json${view.state === 'built' ? '' : ` (${stateText[view.state]})`}.</p>`,
    ),
    pane('messages', 'Messages', messageList(view)),
    pane('source', `Source: ${view.file}`, sourceList(view.source)),
  ]
  return layout(
    view.title,
    view.version,
    `<header class="bar"><p><a href="/">All articles</a></p><h1>${titleOf(view)}</h1><p>${stateBadge(view.state)} ${counts(view)}</p></header>\n` +
      `<main>\n${alert}<div class="panes">\n${panes.join('\n')}\n</div>\n</main>`,
    view.has('epub')
      ? '<script src="/vendor/jszip.min.js"></script>\n<script src="/vendor/epub.min.js"></script>\n'
      : '',
  )
}
