import { describe, expect, it } from 'vitest'
import { parseArticle } from '../src/index.js'
import { smartenText } from '../src/lib/smart-typography.js'

describe('smart typography', () => {
  it.each([
    ['"Quoted," she said.', '“Quoted,” she said.'],
    ["It's the 1990's, not the '80s.", 'It’s the 1990’s, not the ’80s.'],
    ["Arab News' point-of-view", 'Arab News’ point-of-view'],
    ["He said 'no' -- twice --- and left...", 'He said ‘no’ – twice — and left…'],
    ['(“already”) and ("this")', '(“already”) and (“this”)'],
    ['Wait. . . what?', 'Wait… what?'],
    ['A - B', 'A - B'],
  ])('%s', (input, expected) => {
    expect(smartenText(input)).toBe(expected)
  })

  it('decides quotes across inline nodes and leaves code alone', async () => {
    const article = await parseArticle(
      '---\ntitle: T\n---\n"*Emphasis*" and `"code" -- here` and "[a link](https://example.org)".\n',
    )
    const paragraph = article.tree.children[0] as any
    expect(paragraph.children[0].value).toBe('“')
    expect(paragraph.children[2].value).toBe('” and ')
    expect(paragraph.children[3]).toMatchObject({ type: 'inlineCode', value: '"code" -- here' })
    expect(article.derived.plainText).toBe('“Emphasis” and "code" -- here and “a link”.')
  })
})
