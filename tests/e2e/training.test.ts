import type { Browser } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { ARTIFACTS, backendOf, launchBrowser, openPage, widgetsReady } from './browser';

let browser: Browser;
beforeAll(async () => {
  browser = await launchBrowser();
});
afterAll(() => browser?.close());

describe('hello → ohlol trains in the page on WebGPU', () => {
  it.each([['cell'], ['rnn'], ['embedding']])('%s variant: 15 epochs, final prediction shown', async (variant) => {
    const { page, errors } = await openPage(browser, `/figures/HelloTrainer?variant=${variant}`);
    expect(await backendOf(page)).toBe('webgpu');
    await widgetsReady(page);
    const before = await page.evaluate(() => performance.now());
    await page.getByRole('button', { name: 'Train', exact: true }).click();
    const status = page.getByTestId('hello-status');
    await expect.poll(() => status.getAttribute('data-status'), { timeout: 120_000 }).toBe('finished');
    const seconds = ((await page.evaluate(() => performance.now())) - before) / 1000;
    expect(await status.getAttribute('data-epochs')).toBe('15');
    const text = await status.textContent();
    expect(text).toMatch(/Epoch 15 of 15: predicted [ehlo]{5}/);
    console.log(`hello ${variant} on webgpu: ${seconds.toFixed(2)} s for 15 epochs; ${text}`);
    await page.screenshot({ path: `${ARTIFACTS}/hello-${variant}.png`, fullPage: true });
    expect(errors).toEqual([]);
    await page.context().close();
  });

  it('steps one epoch at a time, and reset starts over', async () => {
    const { page, errors } = await openPage(browser, '/figures/HelloTrainer?variant=rnn');
    await widgetsReady(page);
    const status = page.getByTestId('hello-status');
    for (let k = 1; k <= 3; k++) {
      await page.getByRole('button', { name: 'Step one epoch' }).click();
      // The first epoch on a fresh page compiles its GPU programs (seconds on SwiftShader).
      await expect.poll(() => status.getAttribute('data-epochs'), { timeout: 30_000 }).toBe(String(k));
    }
    await page.getByRole('button', { name: 'Reset training' }).click();
    await expect.poll(() => status.getAttribute('data-epochs'), { timeout: 10_000 }).toBe('0');
    expect(errors).toEqual([]);
    await page.context().close();
  });
});
