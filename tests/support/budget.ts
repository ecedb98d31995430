import { readFileSync, readdirSync, statSync } from 'node:fs';
import { dirname, join, relative, resolve } from 'node:path';
import { gzipSync } from 'node:zlib';

/** Gzip size in bytes, at the level static hosts typically use. */
export function gzipSize(content: string | Buffer): number {
  return gzipSync(content, { level: 9 }).length;
}

/** Every .html file under a folder, as paths relative to it. */
export function htmlFiles(root: string, dir = root): string[] {
  return readdirSync(dir).flatMap((name) => {
    const path = join(dir, name);
    if (statSync(path).isDirectory()) return htmlFiles(root, path);
    return name.endsWith('.html') ? [relative(root, path)] : [];
  });
}

/** Module URLs a page loads at start: script src, island component and renderer, preloads. */
function entryModules(html: string): string[] {
  const patterns = [
    /<script\b[^>]*\bsrc="([^"]+)"/g,
    /\b(?:component-url|renderer-url)="([^"]+)"/g,
    /<link\b[^>]*rel="modulepreload"[^>]*href="([^"]+)"/g,
  ];
  return patterns.flatMap((pattern) => [...html.matchAll(pattern)].map((m) => m[1] ?? ''));
}

/** Inline <script> bodies (Astro's island loader, for example). */
export function inlineScripts(html: string): string[] {
  return [...html.matchAll(/<script\b(?![^>]*\bsrc=)[^>]*>([\s\S]*?)<\/script>/g)]
    .map((m) => m[1] ?? '')
    .filter((body) => body.trim() !== '');
}

/** Static imports of an ES module (not dynamic import(), which loads later). */
function staticImports(code: string): string[] {
  const found = [
    ...code.matchAll(/\bimport\s*(?:[\w*{}\s,$]+from\s*)?["']([^"']+\.js)["']/g),
    ...code.matchAll(/\bexport\s*(?:\*|\{[^}]*\})\s*from\s*["']([^"']+\.js)["']/g),
  ];
  return found.map((m) => m[1] ?? '');
}

/** Dynamic imports of an ES module: chunks loaded later, such as results and charts. */
function dynamicImports(code: string): string[] {
  return [...code.matchAll(/\bimport\(\s*[`"']([^`"']+\.js)[`"']\s*\)/g)].map((m) => m[1] ?? '');
}

/** Maps a URL path in the built site to its file, given the deployment base. */
function fileFor(distDir: string, base: string, url: string): string {
  const path = url.startsWith(base) ? url.slice(base.length) : url.replace(/^\//, '');
  return join(distDir, path);
}

/**
 * The JavaScript a page runs before any interaction, in gzip bytes: inline scripts plus every
 * module it loads and everything those import statically. Lazy `import()` chunks are excluded.
 * @returns total gzip bytes and the files counted (relative to distDir)
 */
export function initialJs(
  distDir: string,
  htmlPath: string,
  base = '/',
): { bytes: number; files: string[] } {
  return measureJs(distDir, htmlPath, base, false);
}

/**
 * The JavaScript a page has loaded once its lazy parts have come in, in gzip bytes: the initial
 * scripts plus every chunk reachable through dynamic `import()` (for the navigator: results and
 * the chart), except chunks `onDemand` names, which load only when the user asks (an export).
 */
export function reachableJs(
  distDir: string,
  htmlPath: string,
  base = '/',
  onDemand: (file: string) => boolean = () => false,
): { bytes: number; files: string[] } {
  return measureJs(distDir, htmlPath, base, true, onDemand);
}

function measureJs(
  distDir: string,
  htmlPath: string,
  base: string,
  followDynamic: boolean,
  onDemand: (file: string) => boolean = () => false,
): { bytes: number; files: string[] } {
  const html = readFileSync(join(distDir, htmlPath), 'utf8');
  let bytes = inlineScripts(html).reduce((sum, body) => sum + gzipSize(body), 0);
  const queue = entryModules(html).map((url) => fileFor(distDir, base, url));
  const seen = new Set<string>();
  while (queue.length > 0) {
    const file = queue.shift() ?? '';
    if (seen.has(file)) continue;
    seen.add(file);
    const code = readFileSync(file, 'utf8');
    bytes += gzipSize(code);
    const specifiers = followDynamic
      ? [...staticImports(code), ...dynamicImports(code).filter((file) => !onDemand(file))]
      : staticImports(code);
    for (const specifier of specifiers) {
      queue.push(
        specifier.startsWith('/')
          ? fileFor(distDir, base, specifier)
          : resolve(dirname(file), specifier),
      );
    }
  }
  return { bytes, files: [...seen].map((file) => relative(distDir, file)) };
}
