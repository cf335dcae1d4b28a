import type { Root } from 'mdast'
import remarkDirective from 'remark-directive'
import remarkFrontmatter from 'remark-frontmatter'
import remarkGfm from 'remark-gfm'
import remarkParse from 'remark-parse'
import remarkSmartypants from 'remark-smartypants'
import { unified } from 'unified'

/** The one Markdown reader: CommonMark + GFM + frontmatter + directives, then smart typography. */
const processor = unified()
  .use(remarkParse)
  .use(remarkFrontmatter, ['yaml'])
  .use(remarkGfm)
  .use(remarkDirective)
  .use(remarkSmartypants, { dashes: 'oldschool' })
  .freeze()

/** Parse Markdown to mdast with positions, smart typography applied. */
export async function parseMarkdown(text: string): Promise<Root> {
  const tree = processor.parse(text)
  return (await processor.run(tree)) as Root
}

/** Smart typography (curly quotes, dashes, ellipses) for a plain metadata string: no Markdown is read. */
export async function smarten(text: string): Promise<string> {
  const tree: Root = {
    type: 'root',
    children: [{ type: 'paragraph', children: [{ type: 'text', value: text }] }],
  }
  const result = (await processor.run(tree)) as Root
  const paragraph = result.children[0]
  return paragraph?.type === 'paragraph'
    ? paragraph.children.map((node) => ('value' in node ? node.value : '')).join('')
    : text
}
