import { defineConfig } from 'vitest/config';

/** Size budgets, checked against the built site in dist/ (run after `astro build`). */
export default defineConfig({
  test: {
    include: ['tests/budgets/**/*.test.ts'],
    environment: 'node',
  },
});
