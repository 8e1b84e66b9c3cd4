/**
 * The README's first command is `npm run dev`: the development server must serve a working book, not only
 * the production build. Vite pre-bundles dependencies differently there (it once split tfjs-core so that a
 * gradient registration ran before the flags it reads, and every chapter with a figure was blank).
 */
import { spawn, type ChildProcess } from 'node:child_process';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { ARTIFACTS, backendOf, useBrowser, widgetsReady } from './browser';
import { freePort, waitForServer } from './serve';

const browser = useBrowser();
let server: ChildProcess;
let baseUrl: string;

beforeAll(async () => {
  const port = await freePort();
  baseUrl = `http://127.0.0.1:${port}`;
  server = spawn('npx', ['vite', '--host', '127.0.0.1', '--port', String(port), '--strictPort'], { stdio: ['ignore', 'pipe', 'pipe'], detached: true });
  await waitForServer(server, baseUrl);
});
afterAll(async () => {
  if (server?.pid) process.kill(-server.pid);
});

describe('npm run dev', () => {
  it('serves a chapter whose figures render and step', async () => {
    const context = await browser().newContext({ viewport: { width: 1280, height: 900 }, reducedMotion: 'reduce' });
    const page = await context.newPage();
    const errors: string[] = [];
    page.on('pageerror', (error) => errors.push(`page: ${error.message}`));
    page.on('console', (message) => {
      if (message.type() === 'error') errors.push(`console: ${message.text()}`);
    });
    await page.goto(`${baseUrl}/chapters/02-forward-pass`);
    await page.locator('article h1').first().waitFor({ timeout: 120_000 });
    expect(await backendOf(page)).toBe('webgpu');
    expect(await widgetsReady(page)).toBeGreaterThanOrEqual(2);
    const stepper = page.locator('[data-widget$="cell, step by step"]');
    await stepper.getByRole('button', { name: 'Step forward' }).click();
    await expect.poll(async () => (await stepper.locator('[data-wire="h-0"]').getAttribute('aria-label')) ?? '', { timeout: 60_000 }).not.toMatch(/not computed yet/);
    await page.screenshot({ path: `${ARTIFACTS}/dev-server.png` });
    expect(errors).toEqual([]);
    await context.close();
  });
});
