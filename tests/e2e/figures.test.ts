import { describe, expect, it } from 'vitest';
import { widgets } from '../../src/mdx/components';
import { figurePath, type FigureName } from '../../src/mdx/figureCatalogue';
import { ARTIFACTS, backendOf, openPage, openPageIn, seriousViolations, useBrowser, useReadOnlyContext, widgetsReady } from './browser';
import { untranslatedWords } from './untranslated';

const browser = useBrowser();

describe('every figure on its own page', () => {
  // One load per figure, in the Chinese edition: light, then dark (the system's scheme, which the book follows
  // until the reader picks one), each checked and photographed on the same page, with no English left in the
  // interface. The English figures are in every English chapter (chapters.test.ts, which runs each on WebGPU
  // and photographs each at 375 px) and on the home page (home.test.ts), whose gallery test checks the link to
  // each figure's page. On the CPU backend, for speed.
  // These only read (the dark scheme is the page's, not a stored choice): one context, a page per figure.
  const walk = useReadOnlyContext(browser);

  it.each(Object.keys(widgets).map((name) => [name as FigureName]))('%s renders light and dark in Chinese, accessibly in the dark', async (name) => {
    const path = figurePath(name, 'zh');
    const { page, errors } = await openPageIn(walk(), `${path}${path.includes('?') ? '&' : '?'}backend=cpu`);
    await page.locator('h1').waitFor();
    expect(await backendOf(page)).toBe('cpu');
    await widgetsReady(page);
    expect(await untranslatedWords(page)).toEqual([]);
    // Light-theme accessibility is checked on every chapter (chapters.test.ts), figures and all.
    // The light picture is the window (the figure's top); the dark one below is the whole page.
    await page.screenshot({ path: `${ARTIFACTS}/figure-${name}.png` });
    await page.emulateMedia({ colorScheme: 'dark' });
    await page.locator('html[data-theme="dark"]').waitFor();
    expect(await seriousViolations(page)).toEqual([]);
    await page.screenshot({ path: `${ARTIFACTS}/figure-${name}-dark.png`, fullPage: true });
    expect(errors).toEqual([]);
    await page.close();
  });
});

describe('GradientFlow', () => {
  it('GradientFlow: the non-normal W_hh shows ρ < 1 < σ_max and a held-tanh′ product that grows', async () => {
    const { page, errors } = await openPage(browser(), '/figures/GradientFlow?backend=cpu');
    await widgetsReady(page);
    const readout = page.getByTestId('gradient-flow-readout');
    await expect.poll(() => readout.textContent(), { timeout: 60_000 }).toContain('σ_max = 0.900');
    await page.getByRole('radio', { name: /non-normal/ }).check();
    await expect.poll(() => readout.textContent(), { timeout: 60_000 }).toContain('σ_max = 4.872');
    const text = (await readout.textContent()) ?? '';
    expect(text).toContain('ρ = 0.894');
    expect(await page.getByRole('slider', { name: /Spectral radius/ }).isDisabled()).toBe(true);
    // 40 steps: ‖(D W_hhᵀ)³⁹‖ is about 1.4·10⁹ (printed with a power of ten), while ‖W_hh³⁹‖ has shrunk below 1.
    expect(text).toMatch(/\(D W_hhT\)39‖ = \d\.\d{3} × 10⁹;/);
    const exact = readout.locator('[data-value]');
    expect(Number(await exact.nth(2).getAttribute('data-value'))).toBeGreaterThan(1e8);
    expect(Number(await exact.nth(1).getAttribute('data-value'))).toBeLessThan(1);
    await page.screenshot({ path: `${ARTIFACTS}/figure-GradientFlow-non-normal.png`, fullPage: true });
    // Vanishing far below float32's range still reads as a number on the log axis, not as 0.
    await page.getByRole('radio', { name: 'ρ·Q (normal)' }).check();
    const radius = page.getByRole('slider', { name: /Spectral radius/ });
    await radius.focus();
    await page.keyboard.press('Home');
    const length = page.getByRole('slider', { name: /Sequence length/ });
    await length.focus();
    await page.keyboard.press('End');
    await expect.poll(async () => Number(await exact.first().getAttribute('data-value')), { timeout: 60_000 }).toBeLessThan(1e-30);
    expect(Number(await exact.first().getAttribute('data-value'))).toBeGreaterThan(0);
    expect(await readout.locator('strong .num').first().textContent()).toMatch(/ × 10⁻[⁰¹²³⁴⁵⁶⁷⁸⁹]+$/);
    // The log axis's labels never overlap, however many decades the curves span.
    const labelBoxes = await page.locator('figure.chart text.recharts-cartesian-axis-tick-value[orientation="left"]').evaluateAll((texts) => texts.map((t) => t.getBoundingClientRect()).map((r) => [r.top, r.bottom]).sort((a, b) => a[0] - b[0]));
    expect(labelBoxes.length).toBeGreaterThan(2);
    for (let k = 1; k < labelBoxes.length; k++) expect(labelBoxes[k][0]).toBeGreaterThanOrEqual(labelBoxes[k - 1][1]);
    await page.evaluate(() => (document.documentElement.dataset.theme = 'dark'));
    expect(await seriousViolations(page)).toEqual([]);
    await page.screenshot({ path: `${ARTIFACTS}/figure-GradientFlow-vanishing-dark.png`, fullPage: true });
    expect(errors).toEqual([]);
    await page.context().close();
  });
});
