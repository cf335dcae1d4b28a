/** The shaping cache is bounded: runs not used lately go first, the size never passes the limit. */
import { describe, expect, it } from 'vitest'
import { shape, shapeCacheLimit, shapeCacheStats } from '../src/lib/fonts.js'

describe('shaping cache', () => {
  it('keeps at most shapeCacheLimit runs, dropping the ones not used lately', () => {
    const kept = shape('serif', 'kept-while-used')
    for (let i = 0; i < shapeCacheLimit + 500; i++) {
      shape('serif', `w${i}`)
      // Used again now and then: it stays while older runs go.
      if (i % 1000 === 0) expect(shape('serif', 'kept-while-used')).toBe(kept)
      expect(shapeCacheStats().size).toBeLessThanOrEqual(shapeCacheLimit)
    }
    expect(shapeCacheStats().size).toBeGreaterThanOrEqual(shapeCacheLimit / 2)
    const { misses } = shapeCacheStats()
    // Recently used: still cached (no miss), the same object.
    const recent = shape('serif', `w${shapeCacheLimit + 499}`)
    expect(shapeCacheStats().misses).toBe(misses)
    expect(shape('serif', `w${shapeCacheLimit + 499}`)).toBe(recent)
    expect(shape('serif', 'kept-while-used')).toBe(kept)
    expect(shapeCacheStats().misses).toBe(misses)
    // The oldest: dropped, shaped again (a miss), with the same result.
    const again = shape('serif', 'w1')
    expect(shapeCacheStats().misses).toBe(misses + 1)
    expect(again.width).toBeGreaterThan(0)
    expect(shapeCacheStats().size).toBeLessThanOrEqual(shapeCacheLimit)
  })

  it('keeps runs of different faces apart', () => {
    expect(shape('serif', 'Wave')).not.toBe(shape('serifBold', 'Wave'))
    expect(shape('serif', 'Wave').width).not.toBe(shape('serifBold', 'Wave').width)
  })
})
