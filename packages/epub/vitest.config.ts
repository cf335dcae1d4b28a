import { defineProject } from 'vitest/config'

export default defineProject({
  test: {
    name: 'epub',
    include: ['test/**/*.test.ts'],
  },
})
