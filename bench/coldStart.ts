/**
 * `npm run coldstart [-- --runs 3]`
 *
 * Cold start of the built book (`npm run build` first) in Debian's Chromium, from navigation in a fresh
 * context (empty cache) to: the chapter's text on screen (first contentful paint), React having taken the
 * page over, and the first figure interactive (its first `.widget` drawn with the engine). Chapters 2 and 9,
 * on the CPU backend and on WebGPU (SwiftShader here, a software GPU). Prints the median and range of each.
 * It measures and never asserts.
 */
import { spawn } from 'node:child_process';
import { launchBrowser } from '../tests/e2e/browser';
import { freePort, waitForServer } from '../tests/e2e/serve';

const runsArgument = process.argv.indexOf('--runs');
const runs = runsArgument >= 0 ? Number(process.argv[runsArgument + 1]) : 3;
const PAGES = ['/chapters/02-forward-pass/', '/chapters/09-char-language-model/'];
const BACKENDS = ['cpu', 'webgpu'];

interface Times {
  prose: number;
  hydrated: number;
  interactive: number;
}

const median = (values: number[]) => [...values].sort((a, b) => a - b)[Math.floor(values.length / 2)];
const seconds = (ms: number) => `${(ms / 1000).toFixed(2)} s`;

const port = await freePort();
const base = `http://127.0.0.1:${port}`;
const server = spawn('npx', ['vite', 'preview', '--host', '127.0.0.1', '--port', String(port), '--strictPort'], { stdio: ['ignore', 'pipe', 'pipe'], detached: true });
const browser = await launchBrowser();
try {
  await waitForServer(server, base);
  console.log('| page | backend | text on screen | page hydrated | first figure interactive |\n| --- | --- | ---: | ---: | ---: |');
  for (const path of PAGES) {
    for (const backend of BACKENDS) {
      const samples: Times[] = [];
      for (let run = 0; run < runs; run++) {
        const context = await browser.newContext({ viewport: { width: 1280, height: 900 }, serviceWorkers: 'block' });
        const page = await context.newPage();
        await page.goto(`${base}${path}?backend=${backend}`);
        await page.waitForFunction(() => document.documentElement.dataset.hydrated === 'true', undefined, { timeout: 120_000 });
        const hydrated = await page.evaluate(() => performance.now());
        await page.waitForFunction(() => document.querySelector('.widget[data-ready="true"]'), undefined, { timeout: 300_000, polling: 20 });
        const interactive = await page.evaluate(() => performance.now());
        const prose = await page.evaluate(() => performance.getEntriesByName('first-contentful-paint')[0]?.startTime ?? Number.NaN);
        samples.push({ prose, hydrated, interactive });
        await context.close();
      }
      const column = (key: keyof Times) => {
        const values = samples.map((s) => s[key]);
        return `${seconds(median(values))} (${seconds(Math.min(...values))}–${seconds(Math.max(...values))})`;
      };
      console.log(`| ${path} | ${backend} | ${column('prose')} | ${column('hydrated')} | ${column('interactive')} |`);
    }
  }
} finally {
  await browser.close();
  if (server.pid) process.kill(-server.pid);
}
