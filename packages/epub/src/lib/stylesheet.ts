/**
 * The default stylesheet. Relative units only, no `!important`, no
 * `direction`/`unicode-bidi` (EPUB forbids them; `dir` attributes do that job),
 * so reading systems and readers can override everything.
 *
 * Rules that style one of our own classes are kept only when the book uses that
 * class: EPUBCheck reports unused class selectors (usage CSS-024/025).
 */
interface Rule {
  /** A class this rule needs in the book, if any. */
  needs?: string
  css: string
}

const rules: Rule[] = [
  { css: '@namespace epub "http://www.idpf.org/2007/ops";' },
  {
    css: `body {
  font-family: serif;
  line-height: 1.5;
  margin: 0 1em;
  orphans: 2;
  widows: 2;
}`,
  },
  {
    css: `h1, h2, h3, h4, h5, h6 {
  font-weight: bold;
  line-height: 1.25;
  margin: 1.5em 0 0.5em;
  page-break-after: avoid;
  break-after: avoid;
}
h1 { font-size: 1.6em; }
h2 { font-size: 1.3em; }
h3 { font-size: 1.15em; }
h4, h5, h6 { font-size: 1em; }`,
  },
  {
    css: `p {
  margin: 0 0 0.8em;
  text-align: start;
}
a { color: inherit; }
blockquote {
  margin: 1em 1.5em;
  font-style: italic;
}
hr {
  border: 0;
  border-top: 1px solid currentColor;
  margin: 1.5em 25%;
  opacity: 0.5;
}
ul, ol { margin: 0 0 0.8em; padding-inline-start: 1.5em; }
li { margin: 0.2em 0; }
pre, code { font-family: monospace; font-size: 0.9em; }
pre {
  margin: 1em 0;
  padding: 0.5em;
  white-space: pre-wrap;
  border-inline-start: 0.2em solid currentColor;
}`,
  },
  {
    needs: 'pullquote',
    css: `.pullquote {
  margin: 1.5em 1em;
  padding: 0.5em 0;
  border-top: 0.15em solid currentColor;
  border-bottom: 0.15em solid currentColor;
  font-size: 1.25em;
  font-style: italic;
  line-height: 1.35;
  text-align: center;
  page-break-inside: avoid;
  break-inside: avoid;
}
.pullquote p { text-align: center; margin: 0.3em 0; }`,
  },
  { needs: 'attribution', css: '.attribution { font-size: 0.75em; font-style: normal; }' },
  {
    needs: 'aside',
    css: `.aside {
  margin: 1em 0;
  padding: 0.5em 1em;
  border: 1px solid currentColor;
}`,
  },
  { needs: 'aside-title', css: '.aside-title { font-weight: bold; margin-top: 0; }' },
  {
    css: `figure {
  margin: 1.5em 0;
  page-break-inside: avoid;
  break-inside: avoid;
}
img { max-width: 100%; height: auto; }
figure img { display: block; margin: 0 auto; }
figcaption {
  font-size: 0.85em;
  line-height: 1.35;
  margin-top: 0.4em;
  text-align: start;
}`,
  },
  {
    css: `table {
  border-collapse: collapse;
  margin: 1em 0;
  font-size: 0.9em;
  width: 100%;
}
th, td {
  border: 1px solid currentColor;
  padding: 0.25em 0.5em;
  text-align: start;
  vertical-align: top;
}
th { font-weight: bold; }
caption { font-size: 0.9em; margin-bottom: 0.3em; }`,
  },
  {
    // The note number is a <sup> inside the link (from @pressroom/html): the link itself is not raised or shrunk again.
    css: `a[epub|type~="noteref"] { text-decoration: none; }
a[epub|type~="noteref"] sup { line-height: 0; }
aside[epub|type~="footnote"] {
  border: 0;
  padding: 0;
  font-size: 0.85em;
  margin: 0.5em 0;
}`,
  },
  {
    css: `nav ol { list-style: none; padding-inline-start: 1em; }
nav > ol { padding-inline-start: 0; }`,
  },
  {
    css: `img[role="doc-cover"] {
  display: block;
  max-width: 100%;
  max-height: 95vh;
  margin: 0 auto;
}`,
  },
  // Everything on a title page is centred: its paragraphs too (\`p\` is \`text-align: start\` elsewhere).
  {
    css: `section[epub|type~="titlepage"] { text-align: center; margin-top: 3em; }
section[epub|type~="titlepage"] p { text-align: center; }`,
  },
  {
    needs: 'kicker',
    css: '.kicker { font-variant: small-caps; letter-spacing: 0.05em; margin-bottom: 0.5em; }',
  },
  { needs: 'headline', css: '.headline { font-size: 1.8em; margin: 0.3em 0; }' },
  { needs: 'subtitle', css: '.subtitle { font-size: 1.15em; font-style: italic; }' },
  { needs: 'byline', css: '.byline { font-weight: bold; margin-top: 1em; }' },
  { needs: 'dateline', css: '.dateline { font-size: 0.9em; }' },
  { needs: 'publisher', css: '.publisher { font-variant: small-caps; margin-top: 2em; }' },
  { needs: 'credit', css: '.credit { font-size: 0.8em; font-style: italic; }' },
  { needs: 'bio', css: '.bio { margin-top: 2em; }' },
  {
    needs: 'author-links',
    css: '.author-links { list-style: none; padding-inline-start: 0; font-size: 0.9em; }',
  },
  {
    needs: 'endnote',
    css: '.endnote { font-size: 0.85em; font-style: italic; margin-top: 1.5em; }',
  },
  // Arabic script has no italic: upright text where Latin text is slanted.
  { css: 'html[dir="rtl"] blockquote { font-style: normal; }' },
  // Emphasis in Arabic script is set in bold, as Arabic typography does, never slanted (Naskh has no italic).
  {
    css: `:lang(ar) em, :lang(fa) em, :lang(ur) em, :lang(ps) em, :lang(sd) em, :lang(ckb) em, :lang(ug) em {
  font-style: normal;
  font-weight: bold;
}`,
  },
  { needs: 'credit', css: 'html[dir="rtl"] .credit { font-style: normal; }' },
  { needs: 'image-placeholder', css: 'html[dir="rtl"] .image-placeholder { font-style: normal; }' },
  { needs: 'subtitle', css: 'html[dir="rtl"] .subtitle { font-style: normal; }' },
  { needs: 'pullquote', css: 'html[dir="rtl"] .pullquote { font-style: normal; }' },
  { needs: 'endnote', css: 'html[dir="rtl"] .endnote { font-style: normal; }' },
  {
    needs: 'corrections',
    css: '.corrections { margin-top: 1.5em; padding-top: 0.5em; border-top: 1px solid #999; font-size: 0.9em; }',
  },
  { needs: 'chapter-header', css: '.chapter-header { margin-bottom: 2em; }' },
  { needs: 'align-left', css: '.align-left { text-align: left; }' },
  { needs: 'align-center', css: '.align-center { text-align: center; }' },
  { needs: 'align-right', css: '.align-right { text-align: right; }' },
  { needs: 'task-list', css: '.task-list { list-style: none; padding-inline-start: 0.5em; }' },
  { needs: 'task-list-item', css: '.task-list-item { margin: 0.2em 0; }' },
  {
    needs: 'image-placeholder',
    css: '.image-placeholder { border: 1px dashed currentColor; padding: 1em; font-style: italic; text-align: center; }',
  },
  { needs: 'footnotes', css: '.footnotes { font-size: 0.85em; margin-top: 2em; }' },
]

/** Classes named after a code block's language (`language-csv`): set as code, whatever the language. */
const codeLanguageClass = /^language-[A-Za-z0-9_+-]+$/

/** Every class that appears in `class="..."` attributes of these documents. */
export function usedClasses(documents: Iterable<string>): Set<string> {
  const classes = new Set<string>()
  for (const document of documents) {
    for (const match of document.matchAll(/\sclass="([^"]*)"/g)) {
      for (const name of (match[1] ?? '').split(/\s+/)) if (name) classes.add(name)
    }
  }
  return classes
}

/** The default stylesheet for a book using these classes. */
export function defaultStylesheet(classes: ReadonlySet<string>): string {
  const kept = rules
    .filter((rule) => rule.needs === undefined || classes.has(rule.needs))
    .map((rule) => rule.css)
  const codeClasses = [...classes].filter((name) => codeLanguageClass.test(name)).sort()
  if (codeClasses.length > 0)
    kept.push(`${codeClasses.map((name) => `.${name}`).join(', ')} { font-family: monospace; }`)
  return `${kept.join('\n')}\n`
}
