/**
 * The last step of `npm run build`: writes `dist/sw.js`, the service worker that precaches the whole built
 * book (every HTML page included, so it must run after the pages are written), then puts the code that
 * makes its responses cross-origin isolated at its top (`isolationHeaders.ts`). Run with vite-node.
 */
import { readFileSync, writeFileSync } from 'node:fs';
import { resolve } from 'node:path';
import { generateSW } from 'workbox-build';
import { isolatingServiceWorkerSource } from './isolationHeaders.ts';
import { serviceWorkerConfig } from './serviceWorkerConfig.ts';

const distDir = resolve(process.argv[2] ?? 'dist');
const config = serviceWorkerConfig(distDir);
const { count, size, warnings } = await generateSW(config);
// A file over the size limit is only a warning to Workbox; for an offline book it is a missing file.
if (warnings.length > 0) {
  console.error(`service worker: ${warnings.join('\n')}`);
  process.exit(1);
}
// First, so that `respondWith` is wrapped before Workbox's fetch listener can call it.
writeFileSync(config.swDest, isolatingServiceWorkerSource() + readFileSync(config.swDest, 'utf8'));
process.stdout.write(`service worker: ${count} files precached, ${(size / 1024 / 1024).toFixed(1)} MiB, responses cross-origin isolated\n`);
