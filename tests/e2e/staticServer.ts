/**
 * A small static host over a built `dist/` for the offline tests, which need what the suite's shared server
 * cannot give: to be stopped (really offline, service worker fetches included) and to publish a changed
 * service worker (a new deployment). Like a static host: a file, else a folder's `index.html`; like the
 * preview server, any other extensionless path gets the app shell `/index.html`, and every file comes
 * cross-origin isolated (`src/build/isolationHeaders.ts`).
 */
import { existsSync, readFileSync, statSync } from 'node:fs';
import { createServer } from 'node:http';
import type { AddressInfo } from 'node:net';
import { extname, join, normalize } from 'node:path';
import { CROSS_ORIGIN_ISOLATION_HEADERS } from '../../src/build/isolationHeaders';

const CONTENT_TYPES: Record<string, string> = {
  '.html': 'text/html; charset=utf-8',
  '.js': 'text/javascript; charset=utf-8',
  '.css': 'text/css; charset=utf-8',
  '.wasm': 'application/wasm',
  '.json': 'application/json',
  '.webmanifest': 'application/manifest+json',
  '.txt': 'text/plain; charset=utf-8',
  '.svg': 'image/svg+xml',
  '.png': 'image/png',
  '.webp': 'image/webp',
  '.woff2': 'font/woff2',
  '.woff': 'font/woff',
  '.ttf': 'font/ttf',
  '.py': 'text/plain; charset=utf-8',
};

export interface StaticHost {
  /** `http://127.0.0.1:<port>` */
  origin: string;
  /** Serves `sw.js` with `code` appended from now on: the next update check finds a new edition. */
  publishServiceWorkerChange(code: string): void;
  /** Stops answering and drops open connections. */
  close(): Promise<void>;
}

/** The file under `dist` that answers `pathname`, or null. */
function fileFor(dist: string, pathname: string): string | null {
  const path = join(dist, normalize(decodeURIComponent(pathname)).replace(/^(\.\.[/\\])+/, ''));
  if (existsSync(path) && statSync(path).isFile()) return path;
  if (existsSync(join(path, 'index.html'))) return join(path, 'index.html');
  return extname(pathname) ? null : join(dist, 'index.html');
}

/** Serves `dist` on a free loopback port. */
export async function serveStatic(dist: string): Promise<StaticHost> {
  let serviceWorkerChange = '';
  const server = createServer((request, response) => {
    const { pathname } = new URL(request.url ?? '/', 'http://localhost');
    const file = fileFor(dist, pathname);
    if (!file) {
      response.writeHead(404).end('not found');
      return;
    }
    let body = readFileSync(file);
    if (pathname === '/sw.js') body = Buffer.concat([body, Buffer.from(serviceWorkerChange)]);
    response.writeHead(200, { 'Content-Type': CONTENT_TYPES[extname(file)] ?? 'application/octet-stream', 'Cache-Control': 'no-cache', ...CROSS_ORIGIN_ISOLATION_HEADERS });
    response.end(body);
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  return {
    origin: `http://127.0.0.1:${(server.address() as AddressInfo).port}`,
    publishServiceWorkerChange: (code) => (serviceWorkerChange = code),
    close: () =>
      new Promise((resolve) => {
        server.close(() => resolve());
        server.closeAllConnections();
      }),
  };
}
