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
