/**
 * `npm run frames [-- --runs 10] [--steps 300] [--backend cpu|wasm]`
 *
 * The frame budget while the character model trains, over consecutive runs in Debian's Chromium: each run
 * opens the figure in a fresh context on the built book (`npm run build` first), trains an LSTM for
 * `steps` steps in its worker on the CPU backend, or on WebAssembly (one thread per core, the page being
 * cross-origin isolated: the page then competes with the worker for every core), and records the page's
 * main thread. Prints, per run, the
 * most CPU time one main-thread task took and the longest long task in wall time, then the worst of all.
 * The budget is 50 ms; it measures and never asserts.
 */
import { spawn } from 'node:child_process';
import { freePort, waitForServer } from '../tests/e2e/serve';
import { launchBrowser } from '../tests/e2e/browser';
import { CHAR_LM_DEFAULTS } from '../src/core/train/charLm';
import { clearLongTasks, longTasksOf, mainThreadCpu, trainCharLm, watchLongTasks } from '../tests/e2e/mainThread';

const argument = (name: string, fallback: number) => {
  const index = process.argv.indexOf(`--${name}`);
  return index >= 0 ? Number(process.argv[index + 1]) : fallback;
};
const runs = argument('runs', 10);
const steps = argument('steps', 300);
const backendIndex = process.argv.indexOf('--backend');
const backend = backendIndex >= 0 ? process.argv[backendIndex + 1] : 'cpu';
if (backend !== 'cpu' && backend !== 'wasm') throw new Error(`--backend must be cpu or wasm, not ${backend}`);
/** The model the browser tests train: small enough that a run takes seconds on one core. */
const SETTINGS = { ...CHAR_LM_DEFAULTS, hiddenSize: 32, batch: 8, steps: 20, epochs: 3 };

const port = await freePort();
const base = `http://127.0.0.1:${port}`;
const server = spawn('npx', ['vite', 'preview', '--host', '127.0.0.1', '--port', String(port), '--strictPort'], { stdio: ['ignore', 'pipe', 'pipe'], detached: true });
const browser = await launchBrowser();
const results: { cpu: number; wall: number }[] = [];
try {
  await waitForServer(server, base);
  for (let run = 1; run <= runs; run++) {
    const context = await browser.newContext({ viewport: { width: 1280, height: 900 } });
    const page = await context.newPage();
    await page.addInitScript((stored) => localStorage.setItem('unrolled.charlm-options', JSON.stringify(stored)), SETTINGS);
    await watchLongTasks(page);
    await page.goto(`${base}/figures/CharLM?backend=${backend}`);
    await page.waitForFunction(() => /vocabulary/.test(document.querySelector('[data-testid="corpus-summary"]')?.textContent ?? ''), undefined, { timeout: 120_000 });
    await clearLongTasks(page);
    const cpu = await mainThreadCpu(page, async () => void (await trainCharLm(page, steps)));
    const wall = Math.max(0, ...(await longTasksOf(page)));
    results.push({ cpu, wall });
    console.log(`run ${run}: most CPU time in one main-thread task ${cpu.toFixed(1)} ms; longest long task ${wall ? `${wall.toFixed(0)} ms` : 'none over 50 ms'} (wall time)`);
    await context.close();
  }
} finally {
  await browser.close();
  if (server.pid) process.kill(-server.pid);
}
const worst = Math.max(...results.map((r) => r.cpu));
console.log(`\nworst of ${results.length} runs: ${worst.toFixed(1)} ms of CPU in one task (budget 50 ms: ${worst <= 50 ? 'met' : 'not met'}); worst wall-time long task ${Math.max(...results.map((r) => r.wall)).toFixed(0)} ms`);
