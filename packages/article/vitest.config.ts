import { defineProject } from 'vitest/config'

export default defineProject({
  test: {
    name: 'article',
    include: ['test/**/*.test.ts'],
  },
})
