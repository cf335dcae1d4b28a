import path from 'node:path'
import { describe, expect, it } from 'vitest'
import { resolveInside } from '../src/lib/preview-server.js'

describe('resolveInside (the preview serves only its build folder)', () => {
  const root = path.resolve('/srv/build')
  it('resolves files inside', () => {
    expect(resolveInside(root, 'a/index.html')).toBe(path.join(root, 'a/index.html'))
    expect(resolveInside(root, 'a/%D8%B5.png')).toBe(path.join(root, 'a/ص.png'))
  })
  it('refuses traversal, dot files, NUL bytes and bad escapes', () => {
    for (const attempt of [
      '../etc/passwd',
      'a/../../etc/passwd',
      '%2e%2e/%2e%2e/etc/passwd',
      '..%2f..%2fetc%2fpasswd',
      '..\\..\\etc\\passwd',
      '.pressroom-cache/x.json',
      'a/%00/b',
      '%E0%A4%A',
      '',
      '/',
    ])
      expect(resolveInside(root, attempt), attempt).toBeUndefined()
  })
})
