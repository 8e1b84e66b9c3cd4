/**
 * What a curious or unlucky reader can do to the book, in real Chromium: URL values out of range, a
 * figure's or a chapter's code failing to download, the GPU device lost, and
 * Play left to run. Each ends in a message and a working page, never a blank one. (Garbage in every
 * stored setting is tried on every page by chapters.test.ts's 375 px pass.)
 */
import { describe, expect, it } from 'vitest';
import { readChapterIndex } from '../../src/build/chapterIndex';
import { ARTIFACTS, backendOf, openPage, useBrowser, widgetsReady } from './browser';
import { expectNoFigureFailed } from './garbageStorage';

const chapters = readChapterIndex('chapters');
const browser = useBrowser();

describe('nothing a reader stores or types into a URL can break a page', () => {
  it('figure pages fit URL values into range, and a figure with missing props still draws', async () => {
    const { page, errors } = await openPage(browser(), '/figures/CellStepper?seqLength=-1&hiddenSize=1e9&kind=XYZ&seed=abc&backend=cpu');
    await widgetsReady(page);
    await expectNoFigureFailed(page, 'CellStepper');
    expect(await page.locator('.stepper-position').textContent()).toContain('(1 steps)');
    await page.goto(page.url().replace(/figures\/.*/, 'figures/ParamCount?backend=cpu'));
    await expect.poll(() => page.getByTestId('param-count').textContent(), { timeout: 60_000 }).toBe('640');
    await expectNoFigureFailed(page, 'ParamCount');
    expect(errors).toEqual([]);
    await page.context().close();
  });

  it('the hello trainer fits a stored hidden size of 0 and trains', async () => {
    const stored = { variant: 'rnn', learningRate: 0.1, epochs: 3, hiddenSize: 0, seed: 0 };
    const { page, errors } = await openPage(browser(), '/figures/HelloTrainer?variant=rnn&backend=cpu', undefined, (p) =>
      p.addInitScript((value) => localStorage.setItem('unrolled.hello-rnn', value), JSON.stringify(stored)),
    );
    await widgetsReady(page);
    expect(await page.getByRole('slider', { name: 'Hidden size' }).inputValue()).toBe('1');
    await page.getByRole('button', { name: 'Train', exact: true }).click();
    const status = page.getByTestId('hello-status');
    await expect.poll(() => status.getAttribute('data-status'), { timeout: 60_000 }).toBe('finished');
    expect(await status.getAttribute('data-epochs')).toBe('3');
    expect(errors).toEqual([]);
    await page.context().close();
  });

  it('a broken figure offers Reset this figure, which clears its stored settings', async () => {
    // Stored settings can no longer break a figure (their schema fits them), so make its first render throw
    // while the test says so: its sliders format numbers as they render.
    const { page } = await openPage(browser(), '/figures/GradientFlow?backend=cpu', undefined, (p) =>
      p.addInitScript(() => {
        localStorage.setItem('unrolled.gradient-flow', JSON.stringify({ radius: 1.2, steps: 50, clipNorm: 2 }));
        const original = Number.prototype.toFixed;
        const flags = window as unknown as { breakFigure: boolean };
        flags.breakFigure = true;
        Number.prototype.toFixed = function (this: number, digits?: number) {
          // React renders a failed component twice before giving up, so fail until the test says stop.
          if (flags.breakFigure && new Error().stack?.includes('GradientFlow')) throw new Error('a test-made failure');
          return original.call(this, digits);
        };
      }),
    );
    const failed = page.locator('[data-figure-error]');
    await failed.waitFor({ timeout: 60_000 });
    expect(await failed.textContent()).toContain('a test-made failure');
    expect(await page.locator('nav.toc').count()).toBe(1);
    await page.evaluate(() => ((window as unknown as { breakFigure: boolean }).breakFigure = false));
    await page.getByRole('button', { name: 'Reset this figure' }).click();
    await widgetsReady(page);
    expect(await page.evaluate(() => localStorage.getItem('unrolled.gradient-flow'))).toBeNull();
    await page.context().close();
  });
});

describe('the page itself', () => {
  it('carries a strict Content-Security-Policy, and is cross-origin isolated', async () => {
    const { page } = await openPage(browser(), '/');
    const policy = (await page.locator('meta[http-equiv="Content-Security-Policy"]').getAttribute('content')) ?? '';
    for (const directive of ["default-src 'self'", "object-src 'none'", "base-uri 'none'", "'wasm-unsafe-eval'"]) expect(policy).toContain(directive);
    expect(policy).toMatch(/script-src 'self' 'sha256-[A-Za-z0-9+/=]+' 'wasm-unsafe-eval'/);
    expect(policy).not.toMatch(/script-src[^;]*'unsafe-(inline|eval)'/);
    // COOP and COEP from the server: the training workers may run WebAssembly on several threads.
    expect(await page.evaluate(() => self.crossOriginIsolated)).toBe(true);
    await page.context().close();
  });
});

describe('code that does not arrive', () => {
  it('a figure whose code fails to download shows a message and loads on Try again', async () => {
    const { page, errors } = await openPage(browser(), '/figures?backend=cpu', undefined, (p) => p.route(/\/assets\/BpttStepper-[^/]*\.js$/, (route) => route.abort()));
    await page.locator('h1').first().waitFor();
    await page.getByRole('link', { name: 'BPTT stepper' }).click();
    const failed = page.locator('[data-figure-error]');
    await failed.waitFor();
    expect(await failed.textContent()).toMatch(/could not be loaded/);
    await page.unroute(/\/assets\/BpttStepper-[^/]*\.js$/);
    await page.getByRole('button', { name: 'Try again' }).click();
    await widgetsReady(page);
    expect(await failed.count()).toBe(0);
    await page.screenshot({ path: `${ARTIFACTS}/figure-retried.png` });
    // The aborted request is logged by the browser itself; nothing else may be.
    expect(errors.filter((e) => !/Failed to load resource|Failed to fetch dynamically imported module/.test(e))).toEqual([]);
    await page.context().close();
  });

  it('offline, a chapter not yet downloaded shows a message, the contents stay, and it loads once back online', async () => {
    const { page } = await openPage(browser(), `/chapters/${chapters[0].slug}?backend=cpu`);
    await page.locator('article h1').first().waitFor();
    await page.context().setOffline(true);
    await page.locator('nav.toc a', { hasText: chapters[3].title }).click();
    const failed = page.locator('[data-chapter-error]');
    await failed.waitFor();
    expect(await failed.textContent()).toMatch(/offline/);
    expect(await page.locator('nav.toc a').count()).toBeGreaterThanOrEqual(chapters.length);
    await page.screenshot({ path: `${ARTIFACTS}/chapter-offline.png` });
    await page.context().setOffline(false);
    await page.getByRole('button', { name: 'Try again' }).click();
    await page.locator('article h1', { hasText: chapters[3].title }).waitFor();
    // The engine's own code may have been cut off too: the figures start it again and draw.
    await widgetsReady(page);
    expect(await page.getByTestId('backend-badge').textContent()).not.toMatch(/failed/i);
    await page.context().close();
  });
});

describe('stepping and the GPU', () => {
  it('Play plays to the end, then offers Play again', async () => {
    const { page, errors } = await openPage(browser(), '/figures/CellStepper?backend=cpu');
    await widgetsReady(page);
    await page.getByRole('button', { name: 'Play', exact: true }).click();
    await expect.poll(() => page.locator('.stepper-position').textContent(), { timeout: 30_000 }).toContain('(4 of 4)');
    await page.getByRole('button', { name: 'Play', exact: true }).waitFor();
    expect(errors).toEqual([]);
    await page.context().close();
  });

  it('a lost GPU device moves the engine to a fallback, says so, and the figures keep working', async () => {
    const { page, errors } = await openPage(browser(), '/chapters/02-forward-pass', undefined, (p) =>
      p.addInitScript(() => {
        const request = GPUAdapter.prototype.requestDevice;
        GPUAdapter.prototype.requestDevice = async function (this: GPUAdapter, ...args: Parameters<typeof request>) {
          const device = await request.apply(this, args);
          ((window as unknown as { gpuDevices: GPUDevice[] }).gpuDevices ??= []).push(device);
          return device;
        };
      }),
    );
    expect(await backendOf(page)).toBe('webgpu');
    await widgetsReady(page);
    await page.evaluate(() => (window as unknown as { gpuDevices: GPUDevice[] }).gpuDevices.forEach((device) => device.destroy()));
    const badge = page.getByTestId('backend-badge');
    await expect.poll(() => badge.getAttribute('data-backend'), { timeout: 60_000 }).not.toBe('webgpu');
    expect(await badge.textContent()).toMatch(/GPU device was lost/);
    await page.getByTestId('device-lost').first().waitFor();
    await widgetsReady(page);
    const stepper = page.locator('[data-widget$="cell, step by step"]');
    await stepper.getByRole('button', { name: 'Step forward' }).click();
    await expect.poll(async () => (await stepper.locator('[data-wire="h-0"]').getAttribute('aria-label')) ?? '').not.toMatch(/not computed yet/);
    await page.screenshot({ path: `${ARTIFACTS}/device-lost.png`, fullPage: true });
    expect(errors.filter((e) => !/lost|destroyed/i.test(e))).toEqual([]);
    await page.context().close();
  });
});
