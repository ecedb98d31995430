import { createReadStream, existsSync, readFileSync, statSync } from 'node:fs';
import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { extname, join, normalize } from 'node:path';

const TYPES: Record<string, string> = {
  '.html': 'text/html; charset=utf-8',
  '.js': 'text/javascript',
  '.css': 'text/css',
  '.svg': 'image/svg+xml',
  '.json': 'application/json',
  '.png': 'image/png',
  '.webmanifest': 'application/manifest+json',
  '.txt': 'text/plain',
  '.xml': 'application/xml',
};

/** A plain static host for tests that must change what is deployed while a browser watches. */
export interface StaticHost {
  origin: string;
  /** Serves another folder from the next request on: a new deployment. */
  serve(root: string): void;
  close(): Promise<void>;
}

/** Starts a static file server on a free loopback port, serving `root` like a simple host. */
export async function startStaticHost(root: string): Promise<StaticHost> {
  let current = root;
  const server: Server = createServer((request, response) => {
    const path = normalize(decodeURIComponent(new URL(request.url ?? '/', 'http://x').pathname));
    for (const candidate of [path, join(path, 'index.html')]) {
      const file = join(current, candidate);
      if (file.startsWith(current) && existsSync(file) && statSync(file).isFile()) {
        response.writeHead(200, {
          'Content-Type': TYPES[extname(file)] ?? 'application/octet-stream',
          'Cache-Control': 'no-cache',
        });
        createReadStream(file).pipe(response);
        return;
      }
    }
    response.writeHead(404, { 'Content-Type': 'text/html; charset=utf-8' });
    response.end(readFileSync(join(current, '404.html')));
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.address() as AddressInfo;
  return {
    origin: `http://127.0.0.1:${port}`,
    serve(next) {
      current = next;
    },
    close: () =>
      new Promise((resolve) =>
        server.close(() => {
          resolve();
        }),
      ),
  };
}
