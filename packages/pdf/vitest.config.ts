import { defineProject } from 'vitest/config'

export default defineProject({
  test: {
    name: 'pdf',
    include: ['test/**/*.test.ts'],
    // Renders, poppler and qpdf run on a machine shared with other builds: generous limits, never a
    // speed assertion. A test that needs more sets its own.
    testTimeout: 120_000,
    hookTimeout: 120_000,
  },
})
