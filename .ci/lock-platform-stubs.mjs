// Adds lockfile entries for platform-specific optional packages that npm left out.
//
// Why: the registry mirror this project is built against lacks some foreign-platform builds
// (for example @astrojs/compiler-binding-darwin-arm64@0.5.1), so `npm install` records no node
// for them, and `npm ci` then refuses the lockfile ("Missing: … from lock file"). A stub entry
// with the version and the platform (os, cpu, libc) satisfies `npm ci`; on the matching
// platform npm fetches the package by name and version as usual, elsewhere it skips it.
//
// Run after any `npm install` that changes package-lock.json: node .ci/lock-platform-stubs.mjs
import { readFileSync, writeFileSync } from 'node:fs';

const file = new URL('../package-lock.json', import.meta.url);
const lock = JSON.parse(readFileSync(file, 'utf8'));
const nodes = lock.packages;

/** Resolves a dependency from a node's path the way Node.js looks up node_modules. */
function resolve(from, name) {
  let base = from;
  for (;;) {
    const candidate = `${base === '' ? '' : `${base}/`}node_modules/${name}`;
    if (nodes[candidate]) return candidate;
    if (base === '') return undefined;
    const cut = base.lastIndexOf('/node_modules/');
    base = cut >= 0 ? base.slice(0, cut) : '';
  }
}

/** Platform fields from a package name suffix such as "linux-arm64-musl" or "win32-x64-msvc". */
function platformOf(name) {
  const parts = name.split('-');
  const os = ['android', 'darwin', 'freebsd', 'linux', 'win32', 'openbsd', 'sunos', 'aix'];
  const cpus = ['arm64', 'x64', 'arm', 'ia32', 'riscv64', 'ppc64', 's390x', 'wasm32', 'loong64'];
  const found = {};
  for (const part of parts) {
    if (os.includes(part)) found.os = [part];
    if (cpus.includes(part)) found.cpu = [part];
    if (part === 'gnu' || part === 'gnueabihf') found.libc = ['glibc'];
    if (part === 'musl') found.libc = ['musl'];
  }
  return found;
}

let added = 0;
for (const [path, node] of Object.entries(nodes)) {
  for (const [name, version] of Object.entries(node.optionalDependencies ?? {})) {
    if (resolve(path, name) !== undefined) continue;
    const at = `${path === '' ? '' : `${path}/`}node_modules/${name}`;
    nodes[at] = {
      version,
      ...(node.dev ? { dev: true } : {}),
      optional: true,
      ...platformOf(name),
    };
    added += 1;
    console.log(`stub: ${at}@${version}`);
  }
}
lock.packages = Object.fromEntries(
  Object.entries(nodes).sort(([a], [b]) => (a === '' ? -1 : b === '' ? 1 : a.localeCompare(b))),
);
writeFileSync(file, `${JSON.stringify(lock, null, 2)}\n`);
console.log(`${added} stub entr${added === 1 ? 'y' : 'ies'} added`);
