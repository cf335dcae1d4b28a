import { defineProject } from 'vitest/config'

export default defineProject({
  test: {
    name: 'toolkit',
    include: ['test/**/*.test.ts'],
    // Tests must pass on a loaded machine (renderers, validators and child processes are slow there):
    // generous limits, never a speed assertion. A test that needs more sets its own.
    testTimeout: 60_000,
    hookTimeout: 120_000,
  },
})
