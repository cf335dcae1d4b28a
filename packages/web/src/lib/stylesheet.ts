/**
 * The page's stylesheet: readable measure, relative units, logical properties
 * (so right-to-left pages mirror by themselves), colours with at least 7:1
 * contrast, a dark scheme, and a print stylesheet. No script, no web fonts.
 */
export const defaultStylesheet = `:root {
  color-scheme: light dark;
  --text: #1a1a1a;
  --muted: #4a4a4a;
  --background: #fdfdfb;
  --rule: #8a8a8a;
  --accent: #8a1c00;
  --panel: #f2f0ea;
}
@media (prefers-color-scheme: dark) {
  :root {
    --text: #ececec;
    --muted: #c4c4c4;
    --background: #141414;
    --rule: #7a7a7a;
    --accent: #ffb59e;
    --panel: #222222;
  }
}
*, *::before, *::after { box-sizing: border-box; }
html { -webkit-text-size-adjust: 100%; text-size-adjust: 100%; }
body {
  margin: 0;
  background: var(--background);
  color: var(--text);
  font-family: Georgia, "Noto Serif", "Times New Roman", serif;
  font-size: 1.125rem;
  line-height: 1.6;
}
html[dir="rtl"] body, [lang|="ar"], [lang|="ur"], [lang|="fa"] {
  font-family: "Noto Naskh Arabic", "Noto Sans Arabic", "Amiri", "Geeza Pro", serif;
}
a { color: var(--accent); text-underline-offset: 0.15em; }
a:focus-visible { outline: 3px solid var(--accent); outline-offset: 2px; }
.skip-link {
  position: absolute;
  inset-inline-start: 0.5rem;
  top: -10rem;
  padding: 0.5rem 1rem;
  background: var(--background);
  z-index: 1;
}
.skip-link:focus { top: 0.5rem; }
.site-header, .site-footer, main {
  max-width: 42rem;
  margin-inline: auto;
  padding-inline: 1.25rem;
}
.site-header {
  padding-block: 1rem 0.5rem;
  border-bottom: 1px solid var(--rule);
  font-family: system-ui, -apple-system, "Segoe UI", Roboto, "Noto Sans", sans-serif;
  font-size: 0.95rem;
  display: flex;
  flex-wrap: wrap;
  gap: 0.5rem 1.5rem;
  justify-content: space-between;
}
.site-header p { margin: 0; }
.site-name { font-weight: bold; }
.site-footer {
  margin-block: 3rem 2rem;
  padding-block-start: 1rem;
  border-top: 1px solid var(--rule);
  color: var(--muted);
  font-size: 0.9rem;
}
article > header { margin-block: 2rem 1.5rem; }
.kicker {
  margin: 0 0 0.5rem;
  color: var(--accent);
  font-family: system-ui, -apple-system, "Segoe UI", Roboto, "Noto Sans", sans-serif;
  font-size: 0.85rem;
  font-weight: bold;
  letter-spacing: 0.06em;
  text-transform: uppercase;
}
h1, h2, h3, h4, h5, h6 { line-height: 1.25; margin-block: 1.75em 0.5em; }
h1 { font-size: clamp(1.8rem, 1.2rem + 2.5vw, 2.6rem); margin-block: 0 0.75rem; }
main > h1 { margin-block-start: 2rem; }
h2 { font-size: 1.45rem; }
h3 { font-size: 1.2rem; }
h4, h5, h6 { font-size: 1rem; }
.subtitle { margin: 0 0 1rem; color: var(--muted); font-size: 1.2rem; line-height: 1.45; }
.byline, .dateline {
  margin: 0.25rem 0;
  font-family: system-ui, -apple-system, "Segoe UI", Roboto, "Noto Sans", sans-serif;
  font-size: 0.95rem;
}
.byline { font-weight: bold; }
.dateline { color: var(--muted); }
p { margin: 0 0 1em; }
img { max-width: 100%; height: auto; }
figure { margin: 1.75rem 0; }
figure img { display: block; margin-inline: auto; }
figcaption { margin-top: 0.5rem; color: var(--muted); font-size: 0.9rem; line-height: 1.45; }
.credit { font-style: italic; }
.hero { margin-block: 0 2rem; }
blockquote {
  margin: 1.5rem 0;
  padding-inline-start: 1.25rem;
  border-inline-start: 0.25rem solid var(--rule);
  font-style: italic;
}
.pullquote {
  margin: 2rem 0;
  padding-block: 0.75rem;
  border-block: 0.2rem solid var(--accent);
  font-size: 1.35rem;
  font-style: italic;
  line-height: 1.4;
  text-align: center;
}
.pullquote p { margin: 0.25rem 0; }
.attribution { font-size: 0.95rem; font-style: normal; }
.aside {
  margin: 1.75rem 0;
  padding: 0.75rem 1.25rem;
  background: var(--panel);
  border-inline-start: 0.25rem solid var(--accent);
  font-size: 1rem;
}
.aside-title { margin-top: 0; }
hr { border: 0; border-top: 1px solid var(--rule); margin: 2rem 25%; }
ul, ol { padding-inline-start: 1.5em; }
li { margin: 0.25em 0; }
.task-list { list-style: none; padding-inline-start: 0.5em; }
pre, code { font-family: ui-monospace, "DejaVu Sans Mono", Menlo, Consolas, monospace; font-size: 0.9em; }
pre { padding: 0.75rem; background: var(--panel); white-space: pre-wrap; overflow-wrap: anywhere; }
table { border-collapse: collapse; width: 100%; font-size: 0.95rem; }
th, td { border: 1px solid var(--rule); padding: 0.35rem 0.6rem; text-align: start; vertical-align: top; }
th { background: var(--panel); }
.align-left { text-align: left; }
.align-center { text-align: center; }
.align-right { text-align: right; }
a[role="doc-noteref"] { text-decoration: none; }
sup { line-height: 0; }
.footnotes { margin-top: 2.5rem; padding-top: 0.5rem; border-top: 1px solid var(--rule); font-size: 0.95rem; }
.image-placeholder { display: block; padding: 1rem; border: 1px dashed var(--rule); font-style: italic; text-align: center; }
article > footer { margin-top: 2.5rem; }
.bio {
  padding: 0.25rem 1.25rem 0.75rem;
  background: var(--panel);
  font-size: 1rem;
}
.bio h2 { font-size: 1.15rem; margin-top: 1rem; }
.bio h3 { font-size: 1rem; margin: 1rem 0 0.25rem; }
.author-links { display: flex; flex-wrap: wrap; gap: 0.25rem 1rem; list-style: none; padding: 0; margin: 0.25rem 0 0; font-size: 0.95rem; }
.disclaimer, .rights { color: var(--muted); font-size: 0.95rem; font-style: italic; }
.corrections { border-top: 1px solid var(--muted); margin-top: 1.5rem; padding-top: 0.5rem; }
.article-list { list-style: none; padding: 0; margin: 1.5rem 0; }
.article-list > li { padding-block: 1.25rem; border-bottom: 1px solid var(--rule); }
.article-list h2 { font-size: 1.35rem; margin: 0.25rem 0; }
.article-list .summary { margin: 0.25rem 0; }
html[dir="rtl"] blockquote, html[dir="rtl"] .pullquote, html[dir="rtl"] .credit,
html[dir="rtl"] .disclaimer, html[dir="rtl"] .rights, [dir="rtl"] em { font-style: normal; }
html[dir="rtl"] .kicker { letter-spacing: 0; text-transform: none; }
@media (max-width: 30rem) {
  body { font-size: 1rem; }
  .pullquote { font-size: 1.15rem; }
}
@media print {
  :root { --text: #000; --muted: #333; --background: #fff; --accent: #000; --panel: #fff; --rule: #555; }
  @page { margin: 2cm 2cm 2.5cm; }
  body { font-size: 11pt; line-height: 1.45; }
  .skip-link, .site-header { display: none; }
  main, .site-footer { max-width: none; padding: 0; }
  a { color: inherit; text-decoration: none; }
  .body a[href^="http"]::after { content: " (" attr(href) ")"; font-size: 0.85em; word-break: break-all; }
  h1, h2, h3, h4 { break-after: avoid; page-break-after: avoid; }
  figure, .pullquote, .aside, table, pre, blockquote { break-inside: avoid; page-break-inside: avoid; }
  p { orphans: 3; widows: 3; }
  img { max-height: 12cm; }
  .bio { border: 1px solid var(--rule); }
}
`
