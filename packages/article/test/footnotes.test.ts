import type { Root } from 'mdast'
import { toString as mdastToString } from 'mdast-util-to-string'
import { describe, expect, it } from 'vitest'
import { parseArticle, resolveFootnotes } from '../src/index.js'

describe('footnotes, resolved by the reader', () => {
  it('carries one footnote per identifier, the first definition, reporting each later one once', async () => {
    const article = await parseArticle(
      '---\ntitle: T\n---\nA[^x] b[^y] c[^X].\n\n[^x]: First.\n\n[^y]: Why.\n\n[^x]: Second.\n\n[^x]: Third.\n\n[^z]: Never cited.\n',
      { path: 'f.md' },
    )
    expect(
      article.footnotes.map((footnote) => [
        footnote.identifier,
        footnote.label,
        mdastToString(footnote.definition),
        footnote.referenced,
      ]),
    ).toEqual([
      ['x', 'x', 'First.', true],
      ['y', 'y', 'Why.', true],
      ['z', 'z', 'Never cited.', false],
    ])
    // The definition is the node in the tree (writers render it from there).
    expect(article.tree.children).toContain(article.footnotes[0].definition)
    const duplicates = article.messages.filter((message) => message.ruleId === 'duplicate-footnote')
    expect(duplicates.map((message) => `${message.line}:${message.column}`)).toEqual([
      '10:1',
      '12:1',
    ])
    expect(article.messages.filter((m) => m.ruleId === 'unused-footnote')).toHaveLength(1)
    // Plain data: it crosses worker threads.
    expect(structuredClone(article.footnotes)).toEqual(article.footnotes)
  })

  it('is the same rule when a tree was built by hand', () => {
    const tree: Root = {
      type: 'root',
      children: [
        {
          type: 'paragraph',
          children: [{ type: 'footnoteReference', identifier: 'a', label: 'A' }],
        },
        {
          type: 'footnoteDefinition',
          identifier: 'a',
          label: 'A',
          children: [{ type: 'paragraph', children: [{ type: 'text', value: 'one' }] }],
        },
        {
          type: 'footnoteDefinition',
          identifier: 'a',
          label: 'A',
          children: [{ type: 'paragraph', children: [{ type: 'text', value: 'two' }] }],
        },
        {
          type: 'paragraph',
          children: [{ type: 'footnoteReference', identifier: 'none', label: 'None' }],
        },
        {
          type: 'footnoteDefinition',
          identifier: 'lonely',
          label: 'Lonely',
          children: [],
        },
      ],
    }
    const { footnotes, messages } = resolveFootnotes(tree, 'hand.md')
    expect(footnotes.map((footnote) => mdastToString(footnote.definition))).toEqual(['one', ''])
    expect(footnotes[0].label).toBe('A')
    expect(messages.map((message) => [message.ruleId, message.file])).toEqual([
      ['duplicate-footnote', 'hand.md'],
      ['undefined-footnote', 'hand.md'],
      ['unused-footnote', 'hand.md'],
    ])
    expect(messages.map((message) => message.reason)).toEqual([
      'Duplicate footnote definition `[^A]`; only the first is used',
      'Footnote `[^None]` is referenced but never defined',
      'Footnote `[^Lonely]` is defined but never referenced',
    ])
  })
})

describe('plain text', () => {
  it('carries no raw HTML markup, wherever the HTML is (writers use it as it is)', async () => {
    const article = await parseArticle(
      [
        '---',
        'title: T',
        '---',
        'Inline <img src=x onerror="alert(1)"> and <b onclick="x()">bold</b> <!-- note --> text.',
        '',
        '| h <i>1</i> | h2 |',
        '|---|---|',
        '| <span>c</span> | *<em>d</em>* |',
        '',
        '- item <kbd>k</kbd>',
        '  > quoted <sup>2</sup>',
        '',
        '<div>',
        '',
        '**block** <u>u</u>',
        '',
        '</div>',
        '',
      ].join('\n'),
      { path: 'h.md' },
    )
    const { plainText, wordCount, charCount } = article.derived
    expect(plainText).not.toMatch(/<\/?[a-z!][^>]*>/i)
    expect(plainText).toContain('bold')
    expect(plainText).toContain('item k')
    expect(plainText).toContain('block u')
    expect(wordCount).toBeGreaterThan(0)
    expect(charCount).toBe([...plainText].length)
  })
})

describe('link definitions, resolved by the reader', () => {
  it('carries one definition per identifier, the first, resolved, reporting each later one once', async () => {
    const article = await parseArticle(
      '---\ntitle: T\ncanonical_url: https://example.com/news/t\n---\nSee [the report][r] and [this][R].\n\n> [r]: /reports/one "One"\n\n[r]: https://example.com/two\n',
      { path: 'd.md' },
    )
    expect(
      article.definitions.map((entry) => [
        entry.identifier,
        entry.definition.url,
        entry.definition.title,
      ]),
    ).toEqual([['r', 'https://example.com/reports/one', 'One']])
    const duplicates = article.messages.filter(
      (message) => message.ruleId === 'duplicate-definition',
    )
    expect(duplicates.map((message) => [message.line, message.reason])).toEqual([
      [9, 'Duplicate definition `[r]`: only the first is used'],
    ])
  })
})
