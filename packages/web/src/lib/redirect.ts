import { escapeHtml } from '@pressroom/toolkit'

/**
 * A tiny page that sends a browser on to `to` (a relative or absolute URL):
 * a `<meta http-equiv="refresh">`, a canonical link and a visible link, no
 * script. Used where an article's id (`<base>articles/<slug>`) is a URL that
 * should reach the page.
 */
export function renderRedirectPage(options: {
  to: string
  title: string
  language?: string
  canonical?: string
}): string {
  const to = escapeHtml(options.to)
  const language = escapeHtml(options.language ?? 'en')
  return (
    `<!DOCTYPE html>\n<html lang="${language}">\n<head>\n<meta charset="utf-8">\n` +
    `<title>${escapeHtml(options.title)}</title>\n` +
    (options.canonical ? `<link rel="canonical" href="${escapeHtml(options.canonical)}">\n` : '') +
    `<meta name="robots" content="noindex">\n<meta http-equiv="refresh" content="0; url=${to}">\n</head>\n` +
    `<body>\n<main>\n<p><a href="${to}">${escapeHtml(options.title)}</a></p>\n</main>\n</body>\n</html>\n`
  )
}
