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
