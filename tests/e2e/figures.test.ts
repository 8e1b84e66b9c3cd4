import type { Browser } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { widgets } from '../../src/mdx/components';
import { ARTIFACTS, backendOf, launchBrowser, openPage, seriousViolations, widgetsReady } from './browser';

/** Query strings for figures that need props to make sense on their own page. */
const PROPS: Record<string, string> = { ParamCount: '?kind=LSTM&inputSize=10&hiddenSize=20' };

let browser: Browser;
beforeAll(async () => {
  browser = await launchBrowser();
});
afterAll(() => browser?.close());

describe('every figure on its own page', () => {
  it('the list of figures links to each one', async () => {
    const { page, errors } = await openPage(browser, '/figures');
    await page.locator('h1').waitFor();
    expect(await page.locator('main li a').count()).toBe(Object.keys(widgets).length);
    expect(errors).toEqual([]);
    await page.context().close();
  });

  it.each(Object.keys(widgets).map((name) => [name]))('%s renders on WebGPU, accessibly', async (name) => {
    const { page, errors } = await openPage(browser, `/figures/${name}${PROPS[name] ?? ''}`);
    await page.locator('h1').waitFor();
    expect(await backendOf(page)).toBe('webgpu');
    await widgetsReady(page);
    expect(await seriousViolations(page)).toEqual([]);
    await page.screenshot({ path: `${ARTIFACTS}/figure-${name}.png`, fullPage: true });
    expect(errors).toEqual([]);
    await page.context().close();
  });
});

describe('GradientFlow', () => {
  it('GradientFlow: the non-normal W_hh shows ρ < 1 < σ_max and a held-tanh′ product that grows', async () => {
    const { page, errors } = await openPage(browser, '/figures/GradientFlow?backend=cpu');
    await widgetsReady(page);
    const readout = page.getByTestId('gradient-flow-readout');
    await expect.poll(() => readout.textContent(), { timeout: 60_000 }).toContain('σ_max = 0.900');
    await page.getByRole('radio', { name: /non-normal/ }).check();
    await expect.poll(() => readout.textContent(), { timeout: 60_000 }).toContain('σ_max = 4.872');
    const text = (await readout.textContent()) ?? '';
    expect(text).toContain('ρ = 0.894');
    expect(await page.getByRole('slider', { name: /Spectral radius/ }).isDisabled()).toBe(true);
    // 40 steps: ‖(D W_hhᵀ)³⁹‖ is about 1.4·10⁹, while ‖W_hh³⁹‖ has shrunk below 1.
    const norm = (pattern: RegExp) => Number(pattern.exec(text)?.[1]);
    expect(norm(/\(D W_hhT\)39‖ = ([^;]+);/)).toBeGreaterThan(1e8);
    expect(norm(/‖W_hh39‖ = ([^ ]+) /)).toBeLessThan(1);
    await page.screenshot({ path: `${ARTIFACTS}/figure-GradientFlow-non-normal.png`, fullPage: true });
    expect(errors).toEqual([]);
    await page.context().close();
  });
});
