import { defineProject } from 'vitest/config'

export default defineProject({
  test: {
    name: 'pdf',
    include: ['test/**/*.test.ts'],
    // Renders, poppler and qpdf run on a machine shared with other builds: no wall-clock limits.
    testTimeout: 120_000,
  },
})
