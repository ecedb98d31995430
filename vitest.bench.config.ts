import { defineConfig } from 'vitest/config';

/**
 * Benchmarks only: `npx vitest bench --run --config vitest.bench.config.ts`.
 *
 * Vitest 5 runs benchmarks in a project of their own, built from `benchmark.include` (not
 * `test.include`), one file at a time and without coverage. The modules measured are pure
 * TypeScript, so the plain Vitest config is enough; Astro's Vite config is not needed.
 */
export default defineConfig({
  test: {
    // No regular tests here: the unit suite has its own config (vitest.config.ts).
    include: [],
    passWithNoTests: true,
    environment: 'node',
    benchmark: {
      include: ['tests/bench/**/*.bench.ts'],
    },
  },
});
