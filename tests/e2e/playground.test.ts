/**
 * The sequence playground in real Chromium: it trains a preset to its stated result and an easy echo to full
 * accuracy in the page, sweeps three cells over two delays into three curves with a reading under them,
 * keeps the main thread free (training runs in its worker), falls back from unusable URL values, and is
 * accessible. `?backend=cpu` because SwiftShader's software WebGPU is too slow per dispatch for hundreds of
 * training steps (every figure's WebGPU start is checked in figures.test.ts).
 */
import type { Page } from 'playwright-core';
import { describe, expect, it } from 'vitest';
import { ARTIFACTS, openPage, seriousViolations, useBrowser, widgetsReady } from './browser';
import { clearLongTasks, longTasksOf, mainThreadCpu, watchLongTasks } from './mainThread';

const browser = useBrowser();

/** Opens the figure's page at `query`, recording main-thread long tasks from the first moment. */
const open = (query: string, viewport?: { width: number; height: number }) => openPage(browser(), `/figures/SequencePlayground${query}`, viewport, watchLongTasks);

const progress = (page: Page) => page.getByTestId('playground-progress');

describe('sequence playground', () => {
  it('trains the echo preset to its stated result: up to delay 5 every cell echoes perfectly in 300 steps', async () => {
    const { page, errors } = await open('?backend=cpu&preset=echo-short-budget&cell=rnn');
    await widgetsReady(page);
    // The preset's network and budget, at the middle of its delays.
    const slider = (name: RegExp) => page.getByRole('slider', { name });
    expect([await slider(/Sequence length/).inputValue(), await slider(/Budget/).inputValue(), await slider(/Delay/).inputValue()]).toEqual(['50', '300', '10']);
    await slider(/Delay/).focus();
    await page.keyboard.press('Home');
    for (let k = 1; k < 5; k++) await page.keyboard.press('ArrowRight');
    expect(await slider(/Delay/).inputValue()).toBe('5');
    await page.locator('.widget-controls button', { hasText: /^Train$/ }).click();
    await expect.poll(() => progress(page).getAttribute('data-status'), { timeout: 120_000, interval: 500 }).toBe('finished');
    console.log(`playground preset: ${await progress(page).textContent()}`);
    expect(Number(await progress(page).getAttribute('data-accuracy'))).toBeGreaterThanOrEqual(0.95);
    expect(errors).toEqual([]);
    await page.context().close();
  });

  it('trains an easy echo to full accuracy, sweeps three cells into three curves, and never blocks the page', async () => {
    const { page, errors } = await open('?backend=cpu&task=echo&length=12&delay=3&cell=rnn&steps=150&sweepPoints=2');
    await page.getByTestId('playground-backend').and(page.locator('[data-backend="cpu"]')).waitFor({ timeout: 60_000 });
    await widgetsReady(page);
    expect(await page.getByTestId('task-statement').textContent()).toMatch(/Repeat each symbol exactly d steps after/);
    await clearLongTasks(page);

    const worstCpu = await mainThreadCpu(page, async () => {
      // Role queries compute every accessible name on the page, on its main thread: no place in a measurement.
      await page.locator('.widget-controls button', { hasText: /^Train$/ }).click();
      await expect.poll(() => progress(page).getAttribute('data-status'), { timeout: 90_000, interval: 500 }).toBe('finished');
      const accuracy = Number(await progress(page).getAttribute('data-accuracy'));
      console.log(`playground: ${await progress(page).textContent()}`);
      expect(accuracy).toBeGreaterThanOrEqual(0.95);
      await expect.poll(() => page.getByTestId('example-strip').getAttribute('data-wrong')).toBe('0');
      expect(await page.getByTestId('state-heatmaps').locator('canvas').count()).toBe(1);

      await page.locator('.memory-actions button', { hasText: /^Sweep$/ }).click();
      const sweep = page.getByTestId('sweep-progress');
      await expect.poll(() => sweep.getAttribute('data-status'), { timeout: 120_000, interval: 500 }).toBe('finished');
      expect(await sweep.getAttribute('data-done')).toBe('6');
      expect(await page.getByTestId('memory-chart').getAttribute('data-curves')).toBe('rnn lstm gru');
      // Three measured curves and the dashed chance line.
      expect(await page.getByTestId('memory-chart').locator('.live-chart-line').count()).toBe(4);
      const reading = (await page.getByTestId('sweep-reading').textContent()) ?? '';
      console.log(`playground sweep reading: ${reading}`);
      expect(reading).toMatch(/delay (1|3)/);
    });
    const tasks = await longTasksOf(page);
    console.log(`worst main-thread long task while training and sweeping: ${tasks.length ? Math.max(...tasks).toFixed(0) + ' ms' : 'none over 50 ms'} (${tasks.length} long tasks)`);
    console.log(`most CPU time one main-thread task took: ${worstCpu.toFixed(0)} ms`);
    // The budget is 50 ms of the page's own work per task (in wall time a busy machine may add waiting for
    // a core, but never a freeze).
    expect(worstCpu).toBeLessThanOrEqual(50);
    expect(Math.max(0, ...tasks)).toBeLessThan(1000);
    expect(await seriousViolations(page)).toEqual([]);
    await page.screenshot({ path: `${ARTIFACTS}/playground-light.png`, fullPage: true });
    await page.evaluate(() => (document.documentElement.dataset.theme = 'dark'));
    await page.screenshot({ path: `${ARTIFACTS}/playground-dark.png`, fullPage: true });
    expect(await seriousViolations(page)).toEqual([]);
    expect(errors).toEqual([]);
    await page.context().close();
  });

  it('unusable URL values fall back to the schema’s range and defaults, without an error', async () => {
    const { page, errors } = await open('?backend=cpu&hiddenSize=1e9&task=XYZ&learningRate=fast&cell=lstm', { width: 375, height: 800 });
    await widgetsReady(page);
    expect(await page.getByLabel('Task').inputValue()).toBe('echo');
    expect(await page.getByRole('slider', { name: 'Hidden size' }).inputValue()).toBe('128');
    await page.getByRole('slider', { name: 'Hidden size' }).fill('16');
    await page.getByRole('button', { name: 'Step', exact: true }).click();
    await expect.poll(() => progress(page).getAttribute('data-steps'), { timeout: 60_000 }).toBe('1');
    await expect.poll(() => page.getByTestId('state-heatmaps').locator('canvas').count(), { timeout: 30_000 }).toBe(5);
    await page.getByRole('button', { name: 'Step', exact: true }).click();
    await expect.poll(() => progress(page).getAttribute('data-steps'), { timeout: 60_000 }).toBe('2');
    expect(await page.evaluate(() => document.documentElement.scrollWidth - window.innerWidth)).toBeLessThanOrEqual(0);
    expect(await seriousViolations(page)).toEqual([]);
    await page.screenshot({ path: `${ARTIFACTS}/playground-phone.png`, fullPage: true });
    expect(errors).toEqual([]);
    await page.context().close();
  });
});
