import { okImage, xhtmlHarness } from '@pressroom/test-helpers'
import { describe, expect, it } from 'vitest'
import { toXhtml } from '../src/index.js'

const { md } = xhtmlHarness(toXhtml)

describe('image and imageReference', () => {
  it('writes inline images from article.images with imageSrc', () => {
    const { xhtml, rules } = md('Look ![a "cat"](cat.png "Title") and ![dog][d].\n\n[d]: dog.png', {
      images: [okImage('cat.png'), okImage('dog.png', { width: undefined, height: undefined })],
      imageSrc: (image) => `images/${image.sha256?.slice(0, 4)}.${image.extension}`,
    })
    expect(xhtml).toBe(
      '<p>Look <img src="images/0000.png" alt="a &quot;cat&quot;" width="10" height="20" title="Title"/> and <img src="images/0000.png" alt="dog"/>.</p>',
    )
    expect(rules).toEqual([])
  })

  it('writes a localised placeholder, with the reason, for images that cannot be embedded', () => {
    const { xhtml, messages } = md(
      '![Remote](https://cdn.example/x.png) ![Outside](../x.png) ![Missing](m.png) ![Unlisted](u.png) ![Bad](b.png) ![](e.png)',
      {
        language: 'es',
        images: [
          { src: 'https://cdn.example/x.png', status: 'remote' },
          { src: '../x.png', status: 'outside' },
          { src: 'm.png', status: 'missing', path: 'm.png' },
          okImage('b.png'),
          okImage('e.png'),
        ],
        imageSrc: (image) => (image.src === 'b.png' ? 'javascript:alert(1)' : undefined),
      },
    )
    expect(xhtml).toContain(
      '<span class="image-placeholder" role="img" aria-label="Remote">[Imagen: Remote]</span>',
    )
    expect(xhtml).toContain('aria-label="Imagen">[Imagen]</span>')
    expect(xhtml).not.toContain('<img')
    expect(xhtml).not.toContain('cdn.example')
    const reasons = messages.map((message) => message.reason)
    expect(messages.every((message) => message.ruleId === 'image-not-embedded')).toBe(true)
    expect(reasons[0]).toContain('remote')
    expect(reasons[1]).toContain('outside')
    expect(reasons[2]).toContain('missing')
    expect(reasons[3]).toContain('not among')
    expect(reasons[4]).toContain('unsafe')
    expect(reasons[5]).toContain('no URL')
  })

  it('defaults imageSrc to the path inside the article folder', () => {
    const { xhtml } = md('![x](./a b.png)'.replace('./a b.png', '<./a b.png>'), {
      images: [okImage('./a b.png', { path: 'a b.png' })],
    })
    expect(xhtml).toContain('src="a%20b.png"')
  })
})
