/// <reference types="vitest/config" />
import { getViteConfig } from 'astro/config';
import { svelteTesting } from '@testing-library/svelte/vite';

/**
 * Unit and component tests. Runs through Astro's Vite config so Svelte components compile the
 * same way as in the site; svelteTesting() selects Svelte's browser build and cleans up.
 */
export default getViteConfig({
  plugins: [svelteTesting()],
  test: {
    include: ['tests/unit/**/*.test.ts', 'tests/components/**/*.test.ts'],
    environment: 'node',
    setupFiles: ['tests/components/setup.ts'],
    coverage: {
      provider: 'v8',
      include: ['src/lib/**/*.ts', 'src/stores/**/*.ts', 'src/components/**/*.svelte'],
      reporter: ['text-summary', 'text'],
      thresholds: {
        'src/lib/**/*.ts': { lines: 95, functions: 95, branches: 90, statements: 95 },
      },
    },
  },
});
