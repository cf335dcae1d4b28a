/**
 * Hostile inputs: the patterns of cmark's and cmark-gfm's `test/pathological_tests.py` (the inputs that
 * made Markdown parsers super-linear), at their sizes or close, plus YAML bombs in the frontmatter.
 * Each is a whole article: a small frontmatter and the pattern as its body.
 */
const front = (title: string) => `---\ntitle: "${title}"\npublished: 2024-01-01\n---\n\n`
const repeat = (text: string, count: number) => text.repeat(count)
const range = (count: number) => Array.from({ length: count }, (_, index) => index)

export const bodies: Record<string, string> = {
  'nested strong emph': `${repeat('*a **a ', 65_000)}b${repeat(' a** a*', 65_000)}`,
  'many emph closers with no openers': repeat('a_ ', 65_000),
  'many emph openers with no closers': repeat('_a ', 65_000),
  'many 3-emph openers': `${repeat('***a ', 20_000)}b`,
  'many link closers with no openers': repeat('a]', 65_000),
  'many link openers with no closers': repeat('[a', 65_000),
  'mismatched openers and closers': repeat('*a_ ', 50_000),
  'openers and closers multiple of 3': `a**b${repeat('c* ', 50_000)}`,
  'link openers and emph closers': repeat('[ a_', 50_000),
  'pattern [ (]( repeated': repeat('[ (](', 80_000),
  'pattern ![[]() repeated': repeat('![[]()', 80_000),
  'hard link/emph case': '**x [a*b**c*](d)',
  'nested brackets': `${repeat('[', 50_000)}a${repeat(']', 50_000)}`,
  'nested block quotes': `${repeat('> ', 50_000)}a`,
  'nested block quotes with emphasis': `${repeat('> *', 10_000)}a${repeat('*', 10_000)}`,
  'deeply nested lists': range(1000)
    .map((depth) => `${repeat('  ', depth)}* a\n`)
    .join(''),
  'U+0000 in input': 'abc\u0000de\u0000\n\nmore \u0000 text',
  backticks: range(5000)
    .map((count) => `e${repeat('`', count + 1)}`)
    .join(''),
  'unclosed links A': repeat('[a](<b', 30_000),
  'unclosed links B': repeat('[a](b', 30_000),
  'unclosed <!--': `</${repeat('<!--', 30_000)}`,
  'unclosed <?': repeat('<?', 30_000),
  'unclosed <!X': repeat('<!A ', 30_000),
  'unclosed <![CDATA[': repeat('<![CDATA[', 30_000),
  'many attributes': `<a${repeat(' a=b', 30_000)}`,
  'reference collisions': `${range(10_000)
    .map((index) => `[${index}]: u\n`)
    .join('')}\n${range(10_000)
    .map((index) => `[${index}] `)
    .join('')}`,
  'many link references': `${repeat('[a]: u\n', 50_000)}\n${repeat('[a] ', 50_000)}`,
  'many footnote references': `${range(5000)
    .map((index) => `[^${index}]`)
    .join(' ')}\n\n${range(5000)
    .map((index) => `[^${index}]: note ${index}`)
    .join('\n')}\n`,
  'huge table (rows)': `| a | b |\n| --- | --- |\n${repeat('| x | y |\n', 20_000)}`,
  'huge table (columns)': `|${repeat(' a |', 5000)}\n|${repeat(' - |', 5000)}\n|${repeat(' x |', 5000)}\n`,
  'table with many delimiter-looking rows': `| a |\n| - |\n${repeat('| - |\n', 30_000)}`,
  'many autolinks': repeat('<https://a.example/> ', 20_000),
  'many directives': repeat(':::aside\n', 5000),
  'one long word': repeat('a', 200_000),
  'many short paragraphs': repeat('a\n\n', 100_000),
}

/** YAML bombs and traps in the frontmatter (the body is plain). */
export const frontmatters: Record<string, string> = {
  'billion laughs': `---\ntitle: Laughs\na: &a ["lol","lol","lol","lol","lol","lol","lol","lol","lol"]\nb: &b [*a,*a,*a,*a,*a,*a,*a,*a,*a]\nc: &c [*b,*b,*b,*b,*b,*b,*b,*b,*b]\nd: &d [*c,*c,*c,*c,*c,*c,*c,*c,*c]\ne: &e [*d,*d,*d,*d,*d,*d,*d,*d,*d]\nf: &f [*e,*e,*e,*e,*e,*e,*e,*e,*e]\ng: &g [*f,*f,*f,*f,*f,*f,*f,*f,*f]\nh: &h [*g,*g,*g,*g,*g,*g,*g,*g,*g]\ni: &i [*h,*h,*h,*h,*h,*h,*h,*h,*h]\ntags: *i\n---\n\nText.\n`,
  'alias in a used field': `---\ntitle: &t Aliased\nsummary: *t\ntags: &x [a, b]\nkeywords: *x\n---\n\nText.\n`,
  'deeply nested flow': `---\ntitle: Deep\nx: ${repeat('[', 5000)}${repeat(']', 5000)}\n---\n\nText.\n`,
  'deeply nested block mappings': `---\ntitle: Deep\n${range(500)
    .map((depth) => `${repeat(' ', depth)}k${depth}:`)
    .join('\n')} v\n---\n\nText.\n`,
  'huge frontmatter': `---\ntitle: Big\n${range(50_000)
    .map((index) => `k${index}: v`)
    .join('\n')}\n---\n\nText.\n`,
  'many anchors': `---\ntitle: Anchors\nlist:\n${range(20_000)
    .map((index) => `  - &a${index} v`)
    .join('\n')}\n---\n\nText.\n`,
}

/** Every hostile article: file name (a slug of the case) -> text. */
export function pathologicalArticles(): Array<{ name: string; file: string; text: string }> {
  const slug = (name: string) =>
    name
      .toLowerCase()
      .replace(/[^a-z0-9]+/g, '-')
      .replace(/^-|-$/g, '')
  return [
    ...Object.entries(bodies).map(([name, body], index) => ({
      name,
      file: `${String(index).padStart(2, '0')}-${slug(name)}.md`,
      text: `${front(name.replace(/"/g, ''))}${body}\n`,
    })),
    ...Object.entries(frontmatters).map(([name, text]) => ({
      name: `YAML: ${name}`,
      file: `yaml-${slug(name)}.md`,
      text,
    })),
  ]
}
