import { defineProject } from 'vitest/config'

export default defineProject({
  test: {
    name: 'syndication',
    include: ['test/**/*.test.ts'],
  },
})
