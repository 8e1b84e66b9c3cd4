import type { Page } from 'playwright-core';
import { describe, expect, it } from 'vitest';
import { backendOf, openPage, useBrowser, widgetsReady } from './browser';

const browser = useBrowser();

const ROUNDS = 3;

/** The page engine's live tensor count, as a reader would read it in the console. */
const liveTensors = (page: Page) => page.evaluate(() => window.unrolled?.tensors() ?? -1);

describe('training in the page leaks no tensors', () => {
  it('chapter 3: train to the end, train again, reset, and reset mid-run, several times', async () => {
    const { page, errors } = await openPage(browser(), '/chapters/03-first-training');
    expect(await backendOf(page)).toBe('webgpu');
    await widgetsReady(page);
    await page.waitForFunction(() => typeof window.unrolled?.tensors === 'function');
    const figure = page.locator('.widget', { has: page.getByTestId('hello-status') }).first();
    const status = figure.getByTestId('hello-status');
    const button = (name: string) => figure.getByRole('button', { name, exact: true });
    const finalLoss = () => status.locator('[title]').getAttribute('title');
    const start = await liveTensors(page);
    expect(start).toBeGreaterThanOrEqual(0);
    const backToStart = () => expect.poll(() => liveTensors(page), { timeout: 10_000 }).toBe(start);

    for (let round = 0; round < ROUNDS; round++) {
      await button('Train').click();
      // The first run on a fresh page compiles its GPU programs (seconds on SwiftShader).
      await expect.poll(() => status.getAttribute('data-status'), { timeout: 120_000 }).toBe('finished');
      const firstLoss = await finalLoss();
      await backToStart();

      // A finished run offers a fresh one from the same initial weights, so it ends where the first did.
      await button('Train again').click();
      await expect.poll(() => status.getAttribute('data-status'), { timeout: 60_000 }).toBe('finished');
      expect(await finalLoss()).toBe(firstLoss);
      await button('Reset training').click();
      await expect.poll(() => status.getAttribute('data-epochs')).toBe('0');
      await backToStart();

      // Reset while the first step is still in flight, then while a run is paused part-way.
      await figure.evaluate((widget) => {
        const find = (name: string) => [...widget.querySelectorAll('button')].find((b) => b.textContent?.trim() === name);
        find('Train')?.click();
        find('Reset training')?.click();
      });
      await backToStart();
      for (let k = 0; k < 2; k++) await button('Step one epoch').click();
      await expect.poll(() => status.getAttribute('data-epochs'), { timeout: 30_000 }).toBe('2');
      await button('Reset training').click();
      await backToStart();
    }
    expect(errors).toEqual([]);
    await page.context().close();
  });
});
