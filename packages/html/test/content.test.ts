import { readdirSync } from 'node:fs'
import path from 'node:path'
import { readArticle } from '@pressroom/article'
import { xhtmlHarness } from '@pressroom/test-helpers'
import { describe, expect, it } from 'vitest'
import { toXhtml } from '../src/index.js'

const { render } = xhtmlHarness(toXhtml)

const contentDir = path.resolve(import.meta.dirname, '../../../content')
const files = readdirSync(contentDir).filter((name) => name.endsWith('.md'))

describe('the sample articles in content/', () => {
  for (const file of files) {
    it(`${file}: well-formed in both flavors, deterministic, no warnings but image ones`, async () => {
      const article = await readArticle(path.join(contentDir, file))
      for (const flavor of ['web', 'epub'] as const) {
        const first = render(article, { flavor, containerLanguage: 'en' })
        const second = render(article, { flavor, containerLanguage: 'en' })
        expect(second.xhtml).toBe(first.xhtml)
        expect(first.xhtml.length).toBeGreaterThan(200)
        expect(first.rules.filter((rule) => rule !== 'image-not-embedded')).toEqual([])
        if (!article.meta.language.startsWith('en')) {
          expect(first.xhtml).toMatch(/^<[a-z0-9]+ lang="/)
        }
      }
    })
  }
})
