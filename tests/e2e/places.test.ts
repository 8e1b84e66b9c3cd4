/**
 * Places in the text: each heading links to itself, the contents follow the section being read, and
 * Back, Forward and a reload return the reader to where they were.
 */
import { describe, expect, it } from 'vitest';
import { openPage, useBrowser } from './browser';

const browser = useBrowser();

describe('places in the text', () => {
  it('headings link to themselves, the contents follow the scroll, and Back returns to the place left', async () => {
    const { page, errors } = await openPage(browser(), '/chapters/04-bptt?backend=cpu');
    await page.locator('article h2[id]').first().waitFor();
    const scroll = () => page.evaluate(() => Math.round(scrollY));
    /** The text block at the top of the window: what "the same place" means to a reader. */
    const blockAtTop = () => page.evaluate(() => [...document.querySelectorAll('main .prose > *')].findIndex((b) => b.getBoundingClientRect().bottom > 0));
    /** Where block `k` stands from the top of the window, to within a few pixels. */
    const topOf = (k: number) => page.evaluate((n) => Math.round((document.querySelectorAll('main .prose > *')[n]?.getBoundingClientRect().top ?? Number.NaN) / 5) * 5, k);

    // A heading's own link shows on focus and leads to it; the address then names it.
    const heading = page.locator('article h2[id]').nth(2);
    const id = (await heading.getAttribute('id'))!;
    const anchor = heading.locator('.heading-anchor');
    await anchor.focus();
    expect(await anchor.evaluate((a) => getComputedStyle(a).opacity)).toBe('1');
    await anchor.click();
    expect(new URL(page.url()).hash).toBe(`#${id}`);
    expect(await heading.evaluate((h) => Math.round(h.getBoundingClientRect().top))).toBeLessThan(120);

    // The contents list this chapter's sections and mark the one being read.
    const sections = page.locator('.toc-sections a');
    expect(await sections.count()).toBe(await page.locator('article h2[id]').count());
    await expect.poll(() => page.locator('.toc-sections a[aria-current="location"]').getAttribute('href')).toBe(`#${id}`);
    await page.evaluate(() => scrollTo(0, document.documentElement.scrollHeight / 2));
    await expect.poll(() => page.locator('.toc-sections a[aria-current="location"]').getAttribute('href')).not.toBe(`#${id}`);

    // Leave for the next chapter from the middle of this one; Back returns to the same place.
    expect(await scroll()).toBeGreaterThan(1000);
    await page.waitForTimeout(300);
    const block = await blockAtTop();
    const left = await topOf(block);
    const place = () => topOf(block);
    // By the contents (always in view), as a reader would; the pager's link would first scroll to the end.
    await page.locator('.toc a[href="/chapters/05-recurrent-layers"]').click();
    await page.waitForURL(/05-recurrent-layers$/);
    await expect.poll(scroll).toBe(0);
    await page.goBack();
    await page.waitForURL(/04-bptt/);
    await expect.poll(place, { timeout: 5000 }).toBe(left);
    await page.goForward();
    await page.waitForURL(/05-recurrent-layers$/);
    await expect.poll(scroll, { timeout: 5000 }).toBe(0);
    await page.goBack();
    await expect.poll(place, { timeout: 5000 }).toBe(left);
    // A reload keeps the place too.
    await page.reload();
    await expect.poll(place, { timeout: 10_000 }).toBe(left);
    expect(errors).toEqual([]);
    await page.context().close();
  });
});
