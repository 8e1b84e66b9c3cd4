/**
 * The front page and the figures gallery in real Chromium: the prose shows before the engine, the reading
 * figure grows a step and fills a column per click, the contents are cards with pictures, the gallery lists
 * every figure once in book order, and a figure's page links back to its chapters.
 */
import type { Browser } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { readChapterIndex } from '../../src/build/chapterIndex';
import { widgets } from '../../src/mdx/components';
import { chaptersUsing, figurePath, figuresInBookOrder, figureText, type FigureName } from '../../src/mdx/figureCatalogue';
import { ARTIFACTS, backendOf, launchBrowser, openPage, seriousViolations, widgetsReady } from './browser';

const chapters = readChapterIndex('chapters');
let browser: Browser;
beforeAll(async () => {
  browser = await launchBrowser();
});
afterAll(() => browser?.close());

describe('the front page', () => {
  it('shows its prose while the engine is still on its way', async () => {
    // Hold back the figure's code (which brings TensorFlow.js): the prose must not wait for it.
    const { page } = await openPage(browser, '/', undefined, (p) => p.route(/\/assets\/ReadingRnn-[^/]*\.js$/, () => undefined));
    await page.locator('h1', { hasText: 'Unrolled' }).waitFor();
    expect(await page.locator('.lede').textContent()).toMatch(/Recurrent neural networks/);
    expect(await page.locator('.chapter-card').count()).toBe(chapters.length);
    // The pre-rendered page shows the figure's still placeholder; once hydrated it says the figure is loading.
    await page.locator('.widget-loading[aria-busy="true"]').waitFor();
    expect(await page.locator('.widget-loading').textContent()).toMatch(/Loading figure/);
    expect(await page.getByTestId('backend-badge').textContent()).toMatch(/idle/);
    await page.context().close();
  });

  it('reads "hello" a letter per click: the picture grows a step, the heatmap fills a column', async () => {
    const { page, errors } = await openPage(browser, '/');
    expect(await backendOf(page)).toBe('webgpu');
    await widgetsReady(page);
    const figure = page.locator('.reading-rnn');
    const steps = figure.locator('.unrolled g.step');
    const filled = figure.locator('[data-testid="state-columns"] rect.state-cell:not(.pending)');
    const next = page.getByRole('button', { name: /Read the next letter/ });
    // Before the first click: only the first letter waits, under a cell not yet computed.
    expect(await steps.count()).toBe(1);
    expect(await filled.count()).toBe(0);
    for (let read = 1; read <= 5; read++) {
      await next.click();
      await expect.poll(() => filled.count()).toBe(4 * read);
      expect(await steps.count()).toBe(Math.min(read + 1, 5));
    }
    expect(await next.isDisabled()).toBe(true);
    const values = await filled.evaluateAll((cells) => cells.map((cell) => Number(cell.getAttribute('data-value'))));
    expect(values.every((v) => Math.abs(v) < 1)).toBe(true);
    // The two "l"s are the same input but not the same state: the figure says so.
    await page.getByRole('button', { name: 'Start over' }).click();
    for (let read = 1; read <= 4; read++) await next.click();
    await expect.poll(() => page.getByTestId('reading-readout').textContent()).toMatch(/came in before, at step 3/);
    expect(await page.locator('.state-columns .heatmap-legend-name').textContent()).toMatch(/tanh/);
    expect(await seriousViolations(page)).toEqual([]);
    await page.screenshot({ path: `${ARTIFACTS}/home.png`, fullPage: true });
    expect(errors).toEqual([]);
    await page.context().close();
  });

  it('lists every chapter as a card with its summary and a picture with alt text', async () => {
    const { page, errors } = await openPage(browser, '/');
    const cards = page.locator('.chapter-card');
    await expect.poll(() => cards.count()).toBe(chapters.length);
    for (const [k, chapter] of chapters.entries()) {
      const card = cards.nth(k);
      expect(await card.getByRole('link').first().textContent()).toBe(chapter.title);
      expect(await card.locator('p').textContent()).toBe(chapter.summary);
    }
    const pictures = page.locator('.chapter-card img');
    for (const alt of await pictures.evaluateAll((images) => images.map((image) => image.getAttribute('alt') ?? ''))) expect(alt).toMatch(/^Screenshot of the /);
    // Every picture that shows has arrived.
    await page.locator('.chapter-card img.thumbnail-light').last().scrollIntoViewIfNeeded();
    await expect.poll(() => page.locator('.chapter-card img.thumbnail-light').evaluateAll((images) => images.every((image) => (image as HTMLImageElement).naturalWidth > 0))).toBe(true);
    expect(errors).toEqual([]);
    await page.context().close();
  });
});

describe('the figures gallery', () => {
  it('lists every figure once, in book order, with its name linking to its page, picture, line and chapters', async () => {
    const { page, errors } = await openPage(browser, '/figures');
    const cards = page.locator('.figure-card');
    await expect.poll(() => cards.count()).toBe(Object.keys(widgets).length);
    const shown = await cards.evaluateAll((items) => items.map((item) => item.getAttribute('data-figure')));
    expect(shown).toEqual(figuresInBookOrder(chapters));
    for (const [k, name] of (shown as FigureName[]).entries()) {
      const card = cards.nth(k);
      expect(await card.locator('h2').textContent()).toBe(figureText(name, 'en').title);
      expect(await card.locator('h2 a.card-link').getAttribute('href')).toBe(figurePath(name, 'en'));
      expect(await card.locator('img').first().getAttribute('alt')).toContain(figureText(name, 'en').title);
      const links = await card.locator('.figure-used-in a').evaluateAll((anchors) => anchors.map((a) => a.getAttribute('href')));
      expect(links).toEqual(chaptersUsing(chapters, name).map((c) => `/chapters/${c.slug}`));
    }
    expect(await page.getByTestId('backend-badge').textContent()).toMatch(/idle/);
    expect(await seriousViolations(page)).toEqual([]);
    await page.evaluate(() => (document.documentElement.dataset.theme = 'dark'));
    expect(await seriousViolations(page)).toEqual([]);
    await page.screenshot({ path: `${ARTIFACTS}/figures-gallery.png`, fullPage: true });
    expect(errors).toEqual([]);
    await page.context().close();
  });

  it('a figure’s page has its human name and links back to its chapter', async () => {
    const { page, errors } = await openPage(browser, '/figures');
    await page.getByRole('link', { name: figureText('BpttStepper', 'en').title, exact: true }).click();
    await page.locator('h1', { hasText: 'BPTT stepper' }).waitFor();
    expect(await page.title()).toBe('BPTT stepper — Unrolled');
    expect(await page.locator('.figure-page .lede').textContent()).toBe(figureText('BpttStepper', 'en').description);
    await widgetsReady(page);
    await page.locator('.figure-used-in').getByRole('link', { name: /Backpropagation through time/ }).click();
    await page.locator('article h1', { hasText: 'Backpropagation through time' }).waitFor();
    expect(new URL(page.url()).pathname).toBe('/chapters/04-bptt');
    expect(errors).toEqual([]);
    await page.context().close();
  });
});
