/** The shaping cache is bounded: the least recently used runs go first, the size never passes the limit. */
import { describe, expect, it } from 'vitest'
import { shape, shapeCacheLimit, shapeCacheStats } from '../src/lib/fonts.js'

describe('shaping cache', () => {
  it('keeps at most shapeCacheLimit runs, dropping the least recently used', () => {
    const kept = shape('serif', 'kept-while-used')
    for (let i = 0; i < shapeCacheLimit + 500; i++) {
      shape('serif', `w${i}`)
      // Used again now and then: it stays while older runs go.
      if (i % 1000 === 0) expect(shape('serif', 'kept-while-used')).toBe(kept)
    }
    expect(shapeCacheStats().size).toBe(shapeCacheLimit)
    const { misses } = shapeCacheStats()
    // Recently used: still cached (no miss).
    shape('serif', `w${shapeCacheLimit + 499}`)
    expect(shapeCacheStats().misses).toBe(misses)
    // The oldest: dropped, shaped again (a miss), with the same result.
    const again = shape('serif', 'w1')
    expect(shapeCacheStats().misses).toBe(misses + 1)
    expect(again.width).toBeGreaterThan(0)
    expect(shapeCacheStats().size).toBe(shapeCacheLimit)
  })
})
