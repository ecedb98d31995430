// @ts-check
import { defineConfig } from 'astro/config';
import svelte from '@astrojs/svelte';
import sitemap from '@astrojs/sitemap';

/**
 * Deployment settings come from the environment so one build script serves every host:
 * - SITE_URL: the public origin, used for the sitemap and Open Graph URLs.
 * - BASE_PATH: the sub-path the site lives under (for example "/navigator/"); "/" by default.
 * - OUT_DIR: where the build goes; the test suite builds a sub-path copy next to dist/.
 */
const site = process.env.SITE_URL ?? 'http://localhost:4321';
const base = process.env.BASE_PATH ?? '/';
const outDir = process.env.OUT_DIR ?? './dist';

export default defineConfig({
  site,
  base,
  outDir,
  trailingSlash: 'always',
  integrations: [
    svelte({ compilerOptions: { discloseVersion: false } }),
    // A shared-result page without a link in its address has nothing to show a search engine.
    sitemap({ filter: (page) => !page.endsWith('/result/') }),
  ],
  build: {
    format: 'directory',
    // Small pages: inlining the stylesheet saves a render-blocking request.
    inlineStylesheets: 'always',
  },
  security: {
    csp: true,
  },
  markdown: { syntaxHighlight: false },
  vite: {
    // The lazy chunks (results, chart) carry no CSS of their own, so the preload helper only adds bytes.
    build: { modulePreload: false },
  },
  devToolbar: { enabled: false },
});
