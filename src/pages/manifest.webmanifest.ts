/**
 * The web app manifest, so the site can be installed and opened like an app (it works offline:
 * see the service worker in astro.config.mjs). Paths are relative to the manifest, so the same
 * file serves a site at the root or under a sub-path.
 */
import type { APIRoute } from 'astro';
import { SITE } from '../lib/site';

/** Light-theme background and brand colour (src/styles/tokens.css). */
const BACKGROUND = '#fbfaf7';
const BRAND = '#0b5c7a';

export const GET: APIRoute = () =>
  new Response(
    JSON.stringify({
      name: SITE.name,
      short_name: SITE.shortName,
      description: SITE.tagline,
      lang: 'en-GB',
      start_url: './',
      scope: './',
      display: 'standalone',
      background_color: BACKGROUND,
      theme_color: BRAND,
      icons: [
        { src: 'icons/icon-192.png', sizes: '192x192', type: 'image/png' },
        { src: 'icons/icon-512.png', sizes: '512x512', type: 'image/png' },
        { src: 'icons/maskable-512.png', sizes: '512x512', type: 'image/png', purpose: 'maskable' },
        { src: 'favicon.svg', sizes: 'any', type: 'image/svg+xml' },
      ],
    }),
    { headers: { 'Content-Type': 'application/manifest+json' } },
  );
