/**
 * How the two trainers read in real Chromium: the hello trainer's one epoch cursor (slider, chart and
 * list move together, by keyboard too), chart tooltips in the page's colours in both themes, and
 * screenshots of both trainers in the light and dark themes and at phone width. `?backend=cpu` for speed:
 * training.test.ts checks the same runs on WebGPU.
 */
import type { Page } from 'playwright-core';
import { describe, expect, it } from 'vitest';
import { CHAR_LM_DEFAULTS } from '../../src/core/train/charLm';
import { ARTIFACTS, openPage, seriousViolations, useBrowser, widgetsReady } from './browser';

const browser = useBrowser();

const setTheme = (page: Page, theme: 'light' | 'dark') => page.evaluate((t) => (document.documentElement.dataset.theme = t), theme);
const cssVariable = (page: Page, name: string) => page.evaluate((n) => getComputedStyle(document.documentElement).getPropertyValue(n).trim(), name);
/** A colour as the browser computes it, for comparing with a CSS variable's value. */
const computed = (page: Page, colour: string) =>
  page.evaluate((c) => {
    const probe = document.body.appendChild(document.createElement('span'));
    probe.style.color = c;
    const value = getComputedStyle(probe).color;
    probe.remove();
    return value;
  }, colour);

describe('the hello trainer’s epoch cursor', () => {
  it('one cursor for slider, chart and list; keyboard moves it; it follows training when left at the latest', async () => {
    const { page, errors } = await openPage(browser(), '/figures/HelloTrainer?variant=rnn&backend=cpu');
    await widgetsReady(page);
    const status = page.getByTestId('hello-status');
    const cursor = page.getByTestId('hello-cursor');
    const slider = page.getByRole('slider', { name: 'Epoch shown' });
    const pressed = () => page.locator('.hello-epochs [aria-pressed="true"]').getAttribute('aria-label');
    for (let k = 1; k <= 3; k++) {
      await page.getByRole('button', { name: 'Step one epoch' }).click();
      await expect.poll(() => status.getAttribute('data-epochs'), { timeout: 30_000 }).toBe(String(k));
    }
    // Left alone, the cursor stands at the latest epoch.
    expect(await cursor.getAttribute('data-epoch')).toBe('3');
    expect(await pressed()).toBe('Show epoch 3');

    await slider.focus();
    await page.keyboard.press('Home');
    await expect.poll(() => cursor.getAttribute('data-epoch')).toBe('1');
    expect(await pressed()).toBe('Show epoch 1');
    expect(await page.locator('.hello-caption').first().textContent()).toMatch(/epoch 1\b/);
    // The chart marks the same epoch.
    expect(await page.locator('.chart-cursor').count()).toBe(1);
    await page.keyboard.press('ArrowRight');
    await expect.poll(() => cursor.getAttribute('data-epoch')).toBe('2');

    // A picked epoch stays while training goes on; the status line still reports the latest, in full precision.
    await page.getByRole('button', { name: 'Step one epoch' }).click();
    await expect.poll(() => status.getAttribute('data-epochs'), { timeout: 30_000 }).toBe('4');
    expect(await cursor.getAttribute('data-epoch')).toBe('2');
    expect(Number(await status.locator('[title]').getAttribute('title'))).toBeGreaterThan(0);

    // Back at the latest, it follows training again; a row of the list moves it too.
    await slider.focus();
    await page.keyboard.press('End');
    await page.getByRole('button', { name: 'Resume', exact: true }).click();
    await expect.poll(() => status.getAttribute('data-status'), { timeout: 60_000 }).toBe('finished');
    expect(await cursor.getAttribute('data-epoch')).toBe('15');
    await page.getByRole('button', { name: 'Show epoch 5', exact: true }).click();
    await expect.poll(() => cursor.getAttribute('data-epoch')).toBe('5');

    // Hovering the chart previews an epoch; leaving it goes back to the picked one.
    const surface = page.locator('.hello-panels .recharts-wrapper');
    const box = (await surface.boundingBox())!;
    await surface.hover({ position: { x: box.width - 30, y: box.height / 2 } });
    await expect.poll(async () => Number(await cursor.getAttribute('data-epoch'))).toBeGreaterThan(10);
    const tooltip = page.locator('.recharts-tooltip-wrapper .recharts-default-tooltip');
    await tooltip.waitFor();
    expect(await tooltip.evaluate((t) => getComputedStyle(t).backgroundColor)).toBe(await computed(page, await cssVariable(page, '--bg')));
    await page.getByTestId('hello-status').hover();
    await expect.poll(() => cursor.getAttribute('data-epoch')).toBe('5');

    expect(await seriousViolations(page)).toEqual([]);
    expect(errors).toEqual([]);
    await page.context().close();
  });
});

describe('the trainers in both themes and at phone width', () => {
  it.each([
    ['light', 1280],
    ['dark', 1280],
    ['light', 375],
  ] as const)('hello trainer, %s, %i px', async (theme, width) => {
    const { page, errors } = await openPage(browser(), '/figures/HelloTrainer?variant=embedding&backend=cpu', { width, height: 900 });
    await widgetsReady(page);
    await setTheme(page, theme);
    await page.getByRole('button', { name: 'Train', exact: true }).click();
    await expect.poll(() => page.getByTestId('hello-status').getAttribute('data-status'), { timeout: 60_000 }).toBe('finished');
    await page.getByRole('button', { name: 'Show epoch 6', exact: true }).click();
    // A tooltip up, to see it in the theme's colours.
    const chart = page.locator('.hello-panels .recharts-wrapper');
    const box = (await chart.boundingBox())!;
    await chart.hover({ position: { x: box.width * 0.35, y: box.height / 2 } });
    await page.locator('.recharts-default-tooltip').waitFor();
    const tooltip = page.locator('.recharts-default-tooltip');
    expect(await tooltip.evaluate((t) => getComputedStyle(t).color)).toBe(await computed(page, await cssVariable(page, '--fg')));
    // Nothing wider than the page at phone width.
    expect(await page.evaluate(() => document.documentElement.scrollWidth <= window.innerWidth + 1)).toBe(true);
    await page.screenshot({ path: `${ARTIFACTS}/hello-${theme}-${width}.png`, fullPage: true });
    expect(errors).toEqual([]);
    await page.context().close();
  });

  it.each([
    ['light', 1280],
    ['dark', 1280],
    ['light', 375],
  ] as const)('character model, %s, %i px', async (theme, width) => {
    const settings = { ...CHAR_LM_DEFAULTS, hiddenSize: 32, batch: 8, steps: 20, epochs: 3 };
    const { page, errors } = await openPage(browser(), '/figures/CharLM?backend=cpu', { width, height: 900 }, (p) =>
      p.addInitScript((stored) => localStorage.setItem('unrolled.charlm-options', JSON.stringify(stored)), settings),
    );
    await page.getByTestId('charlm-backend').and(page.locator('[data-backend="cpu"]')).waitFor({ timeout: 60_000 });
    await expect.poll(() => page.getByTestId('corpus-summary').textContent(), { timeout: 30_000 }).toMatch(/vocabulary/);
    await setTheme(page, theme);
    await page.getByRole('button', { name: 'Train LSTM' }).click();
    await expect.poll(async () => Number(await page.getByTestId('charlm-progress').getAttribute('data-steps')), { timeout: 120_000 }).toBeGreaterThanOrEqual(60);
    // Written while training runs.
    await page.getByRole('button', { name: 'Generate' }).click();
    await expect.poll(() => page.getByTestId('generated-text').getAttribute('data-complete'), { timeout: 60_000 }).toBe('true');
    expect(await page.getByTestId('charlm-progress').getAttribute('data-status')).toBe('running');
    await page.getByRole('button', { name: 'Pause' }).click();
    // Let the throttled chart catch up before the picture: its curve ends at the step the progress line shows.
    const progress = page.getByTestId('charlm-progress');
    const caughtUp = async () => (await page.locator('.charlm-progress + .chart').getAttribute('aria-label'))?.includes(`, last ${await progress.getAttribute('data-perplexity')}`);
    await expect.poll(caughtUp, { timeout: 30_000 }).toBe(true);
    const chart = page.locator('.charlm-progress + .chart .live-chart-area');
    const box = (await chart.boundingBox())!;
    await chart.hover({ position: { x: box.width * 0.5, y: box.height / 2 } });
    await page.locator('.chart-tooltip').waitFor();
    expect(await page.evaluate(() => document.documentElement.scrollWidth <= window.innerWidth + 1)).toBe(true);
    await page.screenshot({ path: `${ARTIFACTS}/charlm-${theme}-${width}.png`, fullPage: true });
    await page.getByRole('button', { name: 'Stop' }).click();
    await expect.poll(() => page.getByTestId('charlm-progress').getAttribute('data-status')).toBe('aborted');
    expect(errors).toEqual([]);
    await page.context().close();
  });
});
