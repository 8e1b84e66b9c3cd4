/**
 * The Chinese edition in real Chromium: every Chinese chapter on WebGPU with its figures working, no English
 * in the interface, no console or KaTeX error; a Chinese chapter at its own address (`<html lang="zh-Hans">`,
 * Chinese title, contents and pager, the English heading ids, math without errors), the header's switch to
 * the same English page keeping the figure settings and the #heading, and back; the same on a figure page; the
 * Chinese home, and the offer of the Chinese edition to a browser that prefers Chinese. Beyond the walk,
 * `?backend=cpu` and a held-back home figure keep it short.
 */
import type { Browser, Page } from 'playwright-core';
import { describe, expect, inject, it } from 'vitest';
import { readChapterIndex } from '../../src/build/chapterIndex';
import { ARTIFACTS, backendOf, checksAccessibilityInEnglish, openPage, openPageIn, seriousViolations, untilHydrated, useBrowser, useReadOnlyContext, widgetsReady } from './browser';
import { untranslatedWords } from './untranslated';

const browser = useBrowser();
const chapters = readChapterIndex('chapters');
const lstm = chapters.find((chapter) => chapter.slug === '06-lstm')!;
/** A heading id of the English chapter 6 ("## The cell state"), which the Chinese heading in its place must share. */
const HEADING = 'the-cell-state';
const HAN = /\p{Script=Han}/u;

const htmlLang = (page: Page) => page.evaluate(() => document.documentElement.lang);
/** Holds back the home page's figure (and so TensorFlow.js): these checks are about words, not the engine. */
const withoutHomeFigure = (page: Page) => page.route(/\/assets\/ReadingRnn-[^/]*\.js$/, () => undefined);

describe('every Chinese chapter in real Chromium on WebGPU', () => {
  // The walk only reads: one context, a page per chapter.
  const walk = useReadOnlyContext(browser);

  it.each(chapters.map((chapter, k) => [chapter.slug, k] as const).filter(([slug]) => chapters.find((c) => c.slug === slug)!.zh))('%s works, in Chinese only', async (slug, k) => {
    const { page, errors } = await openPageIn(walk(), `/zh/chapters/${slug}`);
    await page.locator('article h1').first().waitFor();
    const figures = await widgetsReady(page);
    if (figures > 0) expect(await backendOf(page)).toBe('webgpu');
    expect(await page.locator('.katex-error').count()).toBe(0);
    expect(await untranslatedWords(page)).toEqual([]);
    // The chapters the English walk does not check for accessibility (chapters.test.ts) are checked here.
    if (!checksAccessibilityInEnglish(k)) expect(await seriousViolations(page)).toEqual([]);
    await page.screenshot({ path: `${ARTIFACTS}/zh-${slug}.png` });
    expect(errors).toEqual([]);
    await page.close();
  });
});

describe('a Chinese figure page', () => {
  it("switches to English and back, keeping the figure's settings", async () => {
    const { page, errors } = await openPage(browser(), '/zh/figures/CellStepper?backend=cpu&kind=GRU&seqLength=3');
    // The sequence-length slider (the only one that goes to 10), as the figure read it from the address.
    const sequenceLength = () => page.locator('input[type="range"][max="10"]').inputValue();
    await widgetsReady(page);
    expect(await sequenceLength()).toBe('3');
    expect(await htmlLang(page)).toBe('zh-Hans');
    expect(await page.locator('h1').textContent()).toMatch(HAN);
    expect(await untranslatedWords(page)).toEqual([]);
    await page.locator('[data-language-switch="en"]').click();
    await page.waitForURL(/\/figures\/CellStepper/);
    expect(new URL(page.url()).pathname).not.toContain('/zh/');
    expect(new URL(page.url()).search).toContain('kind=GRU');
    await widgetsReady(page);
    expect(await page.locator('h1').textContent()).toBe('Cell stepper');
    expect(await page.locator('.widget-title').textContent()).toContain('GRU');
    expect(await sequenceLength()).toBe('3');
    await page.locator('[data-language-switch="zh"]').click();
    await page.waitForURL(/\/zh\/figures\/CellStepper/);
    await widgetsReady(page);
    expect(await page.locator('.widget-title').textContent()).toContain('GRU');
    expect(await sequenceLength()).toBe('3');
    expect(errors).toEqual([]);
    await page.context().close();
  });
});

describe('a Chinese chapter', () => {
  it('reads in Chinese with the English anchors, and switches to English keeping query and #heading', async () => {
    const { page, errors } = await openPage(browser(), `/zh/chapters/06-lstm?backend=cpu#${HEADING}`);
    await page.locator('h1', { hasText: lstm.zh!.title }).waitFor();
    expect(await htmlLang(page)).toBe('zh-Hans');
    expect(await page.title()).toContain(lstm.zh!.title);
    const heading = page.locator(`h2#${HEADING}`);
    expect(await heading.textContent()).toMatch(HAN);
    expect(await page.locator('.toc a[aria-current="page"]').textContent()).toContain(lstm.zh!.title);
    expect(await page.locator('.toc a[aria-current="page"]').getAttribute('href')).toBe('/zh/chapters/06-lstm');
    expect(await page.locator('a[rel="next"]').getAttribute('href')).toBe('/zh/chapters/07-gru');
    expect(await page.locator('.menu-button').textContent()).toBe('目录');
    // A figure draws on the CPU backend; the math typeset at build time has no error.
    await page.locator('.widget[data-ready="true"]').first().waitFor({ timeout: 120_000 });
    expect(await page.locator('.katex').count()).toBeGreaterThan(10);
    expect(await page.locator('.katex-error').count()).toBe(0);
    expect(await page.getByRole('navigation', { name: '语言' }).locator('[aria-current]').textContent()).toBe('中文');

    await page.screenshot({ path: `${ARTIFACTS}/chinese-chapter-light.png` });
    await page.evaluate(() => (document.documentElement.dataset.theme = 'dark'));
    await page.screenshot({ path: `${ARTIFACTS}/chinese-chapter-dark.png` });
    await page.evaluate(() => (document.documentElement.dataset.theme = 'light'));
    // A phone's width: the switch stays in the bar, and nothing runs off the side.
    await page.setViewportSize({ width: 375, height: 800 });
    await page.evaluate(() => scrollTo(0, 0));
    expect(await page.locator('[data-language-switch="en"]').isVisible()).toBe(true);
    expect(await page.evaluate(() => document.documentElement.scrollWidth - document.documentElement.clientWidth)).toBeLessThanOrEqual(0);
    await page.screenshot({ path: `${ARTIFACTS}/chinese-chapter-375.png` });
    await page.setViewportSize({ width: 1280, height: 900 });

    await page.locator('[data-language-switch="en"]').click();
    await page.locator('h1', { hasText: lstm.title }).waitFor();
    const url = new URL(page.url());
    // The same page in the other edition, as served (a static host adds the folder's slash).
    expect(url.pathname.replace(/\/$/, '') + url.search + url.hash).toBe(`/chapters/06-lstm?backend=cpu#${HEADING}`);
    expect(await htmlLang(page)).toBe('en');
    expect(await page.locator(`h2#${HEADING}`).textContent()).toMatch(/cell state/i);
    expect(await page.evaluate(() => localStorage.getItem('unrolled.language'))).toBe('en');
    // And back: the switch is on the English page too.
    await page.locator('[data-language-switch="zh"]').click();
    await page.locator('h1', { hasText: lstm.zh!.title }).waitFor();
    expect(new URL(page.url()).hash).toBe(`#${HEADING}`);
    expect(await htmlLang(page)).toBe('zh-Hans');
    expect(await page.locator('.katex-error').count()).toBe(0);
    expect(errors).toEqual([]);
    await page.context().close();
  });
});

describe('the Chinese home', () => {
  it('lists every chapter by its Chinese title, linking to the Chinese chapters', async () => {
    const { page, errors } = await openPage(browser(), '/zh/', undefined, withoutHomeFigure);
    await page.locator('.chapter-card').first().waitFor();
    expect(await htmlLang(page)).toBe('zh-Hans');
    const titles = await page.locator('.chapter-card .card-link').allTextContents();
    expect(titles).toEqual(chapters.map((chapter) => chapter.zh?.title ?? chapter.title));
    expect(await page.locator('.chapter-card .card-link').first().getAttribute('href')).toBe(`/zh/chapters/${chapters[0].slug}`);
    expect(await page.locator('.lede').textContent()).toMatch(HAN);
    expect(await page.getByTestId('language-offer').count()).toBe(0);
    expect(await seriousViolations(page)).toEqual([]);
    expect(errors).toEqual([]);
    await page.context().close();
  });
});

describe('the offer of the Chinese edition', () => {
  /**
   * Until the offer is decided: it is made in an effect of hydration, and rendered in the next task at the
   * latest, so once the page is hydrated and then idle it shows if it is made (its absence can be counted).
   */
  async function offerDecided(page: Page) {
    await untilHydrated(page);
    await page.evaluate(() => new Promise((resolve) => requestIdleCallback(resolve, { timeout: 1000 })));
  }

  /** The English home in a browser whose languages are `locale`. */
  async function englishHome(chromium: Browser, locale: string) {
    const context = await chromium.newContext({ locale });
    const page = await context.newPage();
    await withoutHomeFigure(page);
    await page.goto(inject('baseUrl') + '/');
    await page.locator('.chapter-card').first().waitFor();
    await offerDecided(page);
    return page;
  }

  it('is made on the English home to a browser preferring Chinese, as a link, without redirecting', async () => {
    const page = await englishHome(browser(), 'zh-CN');
    const offer = page.getByTestId('language-offer');
    await offer.waitFor();
    expect(new URL(page.url()).pathname).toBe('/');
    expect(await htmlLang(page)).toBe('en');
    expect(await offer.locator('a').getAttribute('href')).toBe('/zh/');
    // "Stay in English" is a choice: remembered, and the offer is not made again, browser or not.
    await offer.getByRole('button').click();
    expect(await offer.count()).toBe(0);
    await page.reload();
    await page.locator('.chapter-card').first().waitFor();
    await offerDecided(page);
    expect(await page.getByTestId('language-offer').count()).toBe(0);
    await page.context().close();
  });

  it('is not made to a browser that prefers English', async () => {
    const page = await englishHome(browser(), 'en-US');
    expect(await page.getByTestId('language-offer').count()).toBe(0);
    await page.context().close();
  });
});
