import { describe, expect, it } from 'vitest'
import { once } from '../src/lib/build-article.js'
import type { MessageData } from '../src/lib/messages.js'
import { isEditorTemporary } from '../src/lib/watch.js'

describe('watch mode: editors’ temporary files', () => {
  it('ignores sed, vim, emacs and JetBrains temporaries and backups', () => {
    for (const name of [
      'content/sedw742MN',
      'content/.story.md.swp',
      'content/.story.md.swx',
      'content/story.md~',
      'content/4913',
      'content/#story.md#',
      'content/.#story.md',
      'content/story.md___jb_tmp___',
      'content/.pressroom-tmp-story.md-1-ab',
    ])
      expect(isEditorTemporary(name), name).toBe(true)
  })

  it('keeps articles, images and the config', () => {
    for (const name of [
      'content/story.md',
      'content/images/chart-2024.png',
      'content/pressroom.yaml',
      'content/sed.md',
      'content/images/sedative.jpg',
    ])
      expect(isEditorTemporary(name), name).toBe(false)
  })
})

describe('each message once per article', () => {
  const at = (line: number, reason: string, ruleId = 'raw-html', fatal = false): MessageData => ({
    file: 'a.md',
    line,
    column: 1,
    endLine: line,
    endColumn: 5,
    reason,
    ruleId,
    fatal,
  })

  it('keeps the first message for a place and rule (the reader’s, with the hint)', () => {
    const messages = [
      at(6, 'Raw HTML is not supported and will be dropped; use Markdown'),
      at(6, 'Raw HTML dropped'),
      at(6, 'Raw HTML dropped'),
      at(7, 'Raw HTML dropped'),
      at(6, 'Another problem here', 'other-rule'),
    ]
    expect(once(messages).map((m) => [m.line, m.reason])).toEqual([
      [6, 'Raw HTML is not supported and will be dropped; use Markdown'],
      [7, 'Raw HTML dropped'],
      [6, 'Another problem here'],
    ])
  })

  it('keeps messages without a place once per text', () => {
    const plain = (reason: string): MessageData => ({ file: 'a.md', reason, fatal: false })
    expect(once([plain('x'), plain('x'), plain('y')]).map((m) => m.reason)).toEqual(['x', 'y'])
  })
})
