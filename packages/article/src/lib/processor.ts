import type { Root } from 'mdast'
import remarkDirective from 'remark-directive'
import remarkFrontmatter from 'remark-frontmatter'
import remarkGfm from 'remark-gfm'
import remarkParse from 'remark-parse'
import { unified } from 'unified'
import { smartenText, smartenTree } from './smart-typography.js'

/** The one Markdown reader: CommonMark + GFM + frontmatter + directives (smart typography after it). */
const processor = unified()
  .use(remarkParse)
  .use(remarkFrontmatter, ['yaml', 'toml'])
  .use(remarkGfm)
  .use(remarkDirective)
  .freeze()

/** Parse Markdown to mdast with positions, smart typography applied. */
export async function parseMarkdown(text: string): Promise<Root> {
  const tree = processor.parse(text)
  smartenTree(tree)
  return tree
}

/** Smart typography (curly quotes, dashes, ellipses) for a plain metadata string: no Markdown is read. */
export async function smarten(text: string): Promise<string> {
  return smartenText(text)
}

/** Parse Markdown to mdast synchronously (a fragment inside raw HTML), smart typography applied. */
export function parseMarkdownSync(text: string): Root {
  const tree = processor.parse(text)
  smartenTree(tree)
  return tree
}
