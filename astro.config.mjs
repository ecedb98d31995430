// @ts-check
import { defineConfig } from 'astro/config';
import svelte from '@astrojs/svelte';
import sitemap from '@astrojs/sitemap';
import { readFileSync } from 'node:fs';
import { readdir, rm } from 'node:fs/promises';
import { parse } from 'yaml';
import { satteri } from '@astrojs/markdown-satteri';
import { glossaryPlugin } from './src/lib/glossary.ts';
import { withBase } from './src/lib/site.ts';
import { fileURLToPath } from 'node:url';
import { join } from 'node:path';

/**
 * Deployment settings come from the environment so one build script serves every host:
 * - SITE_URL: the public origin, used for the sitemap and Open Graph URLs.
 * - BASE_PATH: the sub-path the site lives under (for example "/navigator/"); "/" by default.
 * - OUT_DIR: where the build goes; the test suite builds a sub-path copy next to dist/.
 */
const site = process.env.SITE_URL ?? 'http://localhost:4321';
const base = process.env.BASE_PATH ?? '/';
const outDir = process.env.OUT_DIR ?? './dist';

/**
 * Vite wraps every dynamic import() in a helper that first preloads the imported chunk's
 * dependencies (about 0.9 KB gzip, loaded with the questionnaire). The lazy chunks here (results,
 * chart) carry no CSS of their own, and their few dependencies can load after them, so the
 * helper only adds bytes. `build.modulePreload: false` does not drop it (Astro sets its own
 * modulePreload for the client build, and Vite keeps the helper anyway), so this plugin turns
 * preloading off for the browser build and replaces the helper with a plain call.
 * @returns {import('vite').Plugin}
 */
function noPreloadHelper() {
  const id = '\0vite/preload-helper.js';
  return {
    name: 'ccn:no-preload-helper',
    apply: 'build',
    enforce: 'pre',
    configEnvironment(name) {
      return name === 'client' ? { build: { modulePreload: false } } : undefined;
    },
    resolveId(source) {
      return source === id ? id : undefined;
    },
    load(source) {
      return source === id ? 'export const __vitePreload = (load) => load();' : undefined;
    },
  };
}

/**
 * Builds the site search index with Pagefind once the pages are written (in `npm run build` and
 * `npm run build:subpath`, whatever OUT_DIR is), before the service worker lists the files to
 * keep offline, so the index is among them. Pages opt in with `data-pagefind-body`.
 * @returns {import('astro').AstroIntegration}
 */
function searchIndex() {
  return {
    name: 'ccn:search-index',
    hooks: {
      'astro:build:done': async ({ dir, logger }) => {
        const pagefind = await import('pagefind');
        const root = fileURLToPath(dir);
        try {
          const { index, errors } = await pagefind.createIndex({});
          if (index === undefined) throw new Error(errors.join('; '));
          const added = await index.addDirectory({ path: root });
          if (added.errors.length > 0) throw new Error(added.errors.join('; '));
          const written = await index.writeFiles({ outputPath: join(root, 'pagefind') });
          if (written.errors.length > 0) throw new Error(written.errors.join('; '));
          // The site has its own search page; Pagefind's ready-made interfaces are not shipped.
          const bundle = join(root, 'pagefind');
          for (const name of await readdir(bundle)) {
            if (/-ui\.(?:js|css)$|^pagefind-highlight\.js$/.test(name))
              await rm(join(bundle, name));
          }
          logger.info(`search index written (${added.page_count} HTML files read)`);
        } finally {
          await pagefind.close();
        }
      },
    },
  };
}

/**
 * Offline use: after the build, Workbox writes sw.js, a service worker that precaches every
 * page, stylesheet, script, icon and question bank version of this build, so a workshop can run
 * all day without a network. It caches only the site's own files, never anything a user types.
 * A new build is a new precache: the old one keeps serving until the user reloads, so a page never
 * meets scripts or banks from another build. Hashed files under _astro/ are cached by name.
 * @returns {import('astro').AstroIntegration}
 */
function serviceWorker() {
  return {
    name: 'ccn:service-worker',
    hooks: {
      'astro:build:done': async ({ dir, logger }) => {
        const { generateSW } = await import('workbox-build');
        const root = fileURLToPath(dir);
        const { count, size, warnings } = await generateSW({
          globDirectory: root,
          globPatterns: ['**/*.{html,js,css,json,svg,png,webmanifest,txt}', 'pagefind/**/*'],
          globIgnores: ['sw.js'],
          swDest: join(root, 'sw.js'),
          mode: 'production',
          sourcemap: false,
          inlineWorkboxRuntime: true,
          // The first visit is taken over at once; an update waits until the user reloads.
          clientsClaim: true,
          skipWaiting: false,
          cleanupOutdatedCaches: true,
          directoryIndex: 'index.html',
          // Search terms and other parameters never change which page is served.
          ignoreURLParametersMatching: [/./],
          navigateFallback: '404.html',
          dontCacheBustURLsMatching: /_astro\//,
          maximumFileSizeToCacheInBytes: 4 * 1024 * 1024,
        });
        for (const warning of warnings) logger.warn(warning);
        logger.info(`sw.js precaches ${count} files, ${Math.round(size / 1024)} KB`);
      },
    },
  };
}

export default defineConfig({
  site,
  base,
  outDir,
  trailingSlash: 'always',
  integrations: [
    svelte({ compilerOptions: { discloseVersion: false } }),
    // A shared-result page without a link in its address has nothing to show a search engine.
    sitemap({ filter: (page) => !page.endsWith('/result/') }),
    // The search index first: the service worker then keeps it for offline use too.
    searchIndex(),
    serviceWorker(),
  ],
  build: {
    format: 'directory',
    // Small stylesheets are inlined (no extra request); the shared base styles and large
    // component styles (the report, the team view) are files the browser caches across pages,
    // which keeps every page's HTML under its 10 KB budget.
    inlineStylesheets: 'auto',
  },
  security: {
    // Astro hashes its own scripts and styles into script-src and style-src; these close the
    // rest. frame-ancestors cannot be set in a <meta> policy: public/_headers and the README give
    // the response headers for hosts that allow them.
    csp: {
      directives: [
        "default-src 'self'",
        "object-src 'none'",
        "base-uri 'self'",
        "form-action 'self'",
      ],
    },
  },
  markdown: {
    syntaxHighlight: false,
    // The first use of each glossary term on a Markdown page links to its definition.
    processor: satteri({
      mdastPlugins: [
        glossaryPlugin({
          terms: parse(readFileSync('./content/glossary.yaml', 'utf8')),
          href: (/** @type {string} */ id) => withBase(base, `/glossary/#${id}`),
        }),
      ],
    }),
  },
  vite: {
    plugins: [noPreloadHelper()],
    environments: {
      client: {
        build: {
          rolldownOptions: {
            output: {
              codeSplitting: {
                groups: [
                  {
                    // Libraries and small stores that (nearly) every island uses, in one chunk
                    // with the Svelte runtime: one file compresses better than five, which
                    // saves about 0.9 KB gzip on the questionnaire's first load.
                    name: 'client',
                    test: /node_modules[\\/](svelte|@astrojs[\\/]svelte|nanostores|@nanostores[\\/]persistent|valibot)[\\/]|src[\\/]stores[\\/](bank|watch\.svelte)\.ts|src[\\/]lib[\\/](site|bank|answers|file-limits)\.ts|preload-helper/,
                  },
                ],
              },
            },
          },
        },
      },
    },
  },
  devToolbar: { enabled: false },
});
