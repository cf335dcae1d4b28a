import { describe, expect, it } from 'vitest'
import { parseArticle } from '../src/index.js'

describe('corrections', () => {
  it('reads dated correction notices in the order written', async () => {
    const article = await parseArticle(
      '---\ntitle: T\ncorrections:\n  - date: 2024-01-20\n    text: "An earlier version misspelt the minister\'s name."\n  - date: 2024-01-21T09:00:00Z\n    text: The death toll was 9, not 19.\n---\n\nBody.\n',
    )
    expect(article.meta.corrections).toEqual([
      {
        date: expect.objectContaining({ date: '2024-01-20', dateOnly: true }),
        text: 'An earlier version misspelt the minister’s name.',
      },
      {
        date: expect.objectContaining({ dateTime: '2024-01-21T09:00:00Z' }),
        text: 'The death toll was 9, not 19.',
      },
    ])
    expect(article.messages).toEqual([])
  })

  it('reports an item without a date or text at its place and keeps the others', async () => {
    const article = await parseArticle(
      '---\ntitle: T\ncorrections:\n  - text: No date here.\n  - date: 2024-01-20\n  - date: 2024-01-22\n    text: Kept.\n---\n\nBody.\n',
    )
    expect(article.meta.corrections?.map((c) => c.text)).toEqual(['Kept.'])
    const places = article.messages.map((m) => [m.ruleId, m.line])
    expect(places).toEqual([
      ['invalid-date', 4],
      ['missing-field', 5],
    ])
  })

  it('has no corrections field when there are none', async () => {
    const article = await parseArticle('---\ntitle: T\n---\n\nBody.\n')
    expect(article.meta.corrections).toBeUndefined()
  })
})
