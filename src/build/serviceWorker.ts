/**
 * The last step of `npm run build`: writes `dist/sw.js`, the service worker that precaches the whole built
 * book (every HTML page included, so it must run after the pages are written). Run with vite-node.
 */
import { resolve } from 'node:path';
import { generateSW } from 'workbox-build';
import { serviceWorkerConfig } from './serviceWorkerConfig.ts';

const distDir = resolve(process.argv[2] ?? 'dist');
const { count, size, warnings } = await generateSW(serviceWorkerConfig(distDir));
// A file over the size limit is only a warning to Workbox; for an offline book it is a missing file.
if (warnings.length > 0) {
  console.error(`service worker: ${warnings.join('\n')}`);
  process.exit(1);
}
process.stdout.write(`service worker: ${count} files precached, ${(size / 1024 / 1024).toFixed(1)} MiB\n`);
