/**
 * The header's search on the built book: "/" focuses it, typing lists sections with the words marked,
 * Enter opens the chapter at the heading, and the list fits a phone's screen. The index is a chunk of
 * its own, fetched only once a reader searches.
 */
import { describe, expect, it } from 'vitest';
import { ARTIFACTS, openPage, seriousViolations, useBrowser } from './browser';

const browser = useBrowser();

describe('search', () => {
  it('finds the forget gate and opens the LSTM chapter at its heading', async () => {
    const { page, errors } = await openPage(browser(), '/');
    await page.locator('h1').waitFor();
    const searchScripts = () => page.evaluate(() => performance.getEntriesByType('resource').filter((e) => /bookSearch/.test(e.name)).length);
    expect(await searchScripts()).toBe(0);

    await page.keyboard.press('/');
    const box = page.getByRole('searchbox', { name: 'Search the book' });
    expect(await box.evaluate((element) => element === document.activeElement)).toBe(true);
    await box.fill('forget gate');
    const results = page.getByRole('list', { name: 'Search results' }).getByRole('link');
    await results.first().waitFor();
    expect(await searchScripts()).toBe(1);
    expect(await results.first().locator('mark').count()).toBeGreaterThan(0);
    // ↓ walks into the results and ↑ back to the box.
    await box.press('ArrowDown');
    expect(await results.first().evaluate((element) => element === document.activeElement)).toBe(true);
    await page.keyboard.press('ArrowUp');
    expect(await box.evaluate((element) => element === document.activeElement)).toBe(true);
    expect(await seriousViolations(page)).toEqual([]);
    await page.screenshot({ path: `${ARTIFACTS}/search-results.png` });

    await box.press('Enter');
    await page.waitForURL(/\/chapters\/06-lstm#/);
    const id = decodeURIComponent(new URL(page.url()).hash.slice(1));
    // The chapter opened at the heading: it exists and the page scrolled to it (figures above it may still
    // grow as they load and move it down a little).
    await page.locator(`[id="${id}"]`).waitFor();
    await expect.poll(() => page.evaluate(() => scrollY)).toBeGreaterThan(0);
    expect(errors).toEqual([]);
    await page.context().close();
  });

  it('says when nothing matches, and fits a phone', async () => {
    const { page, errors } = await openPage(browser(), '/chapters/01-sequences', { width: 375, height: 740 });
    const box = page.getByRole('searchbox', { name: 'Search the book' });
    await box.fill('zzqxjv');
    await page.getByRole('status').filter({ hasText: 'Nothing found' }).waitFor();
    await box.fill('perplexity');
    const panel = page.locator('.search-panel');
    await page.getByRole('list', { name: 'Search results' }).getByRole('link').first().waitFor();
    const box375 = await panel.boundingBox();
    expect(box375!.x).toBeGreaterThanOrEqual(0);
    expect(box375!.x + box375!.width).toBeLessThanOrEqual(375);
    expect(box375!.y + box375!.height).toBeLessThanOrEqual(740);
    expect(await page.evaluate(() => document.documentElement.scrollWidth)).toBeLessThanOrEqual(375);
    await page.screenshot({ path: `${ARTIFACTS}/search-phone.png` });
    await box.press('Escape');
    expect(await panel.isHidden()).toBe(true);
    expect(errors).toEqual([]);
    await page.context().close();
  });

  it('searches the Chinese edition in Chinese, from a Chinese page', async () => {
    // The home page's figure is held back: this is about words.
    const { page, errors } = await openPage(browser(), '/zh/', undefined, (p) => p.route(/\/assets\/ReadingRnn-[^/]*\.js$/, () => undefined));
    const box = page.getByRole('searchbox', { name: '搜索本书' });
    await box.fill('困惑度');
    const results = page.getByRole('list', { name: '搜索结果' }).getByRole('link');
    await results.first().waitFor();
    expect(await results.first().getAttribute('href')).toMatch(/^\/zh\/chapters\//);
    expect(await results.first().locator('mark').first().textContent()).toContain('困惑');
    await page.screenshot({ path: `${ARTIFACTS}/search-chinese.png` });
    await box.press('Enter');
    await page.waitForURL(/\/zh\/chapters\//);
    expect(errors).toEqual([]);
    await page.context().close();
  });
});
