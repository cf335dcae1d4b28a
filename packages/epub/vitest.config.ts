import { defineProject } from 'vitest/config'

export default defineProject({
  test: {
    name: 'epub',
    include: ['test/**/*.test.ts'],
    // Books are zipped and covers drawn with sharp: seconds each on a busy, shared machine.
    testTimeout: 60_000,
  },
})
