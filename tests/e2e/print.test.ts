/**
 * A chapter printed: only the chapter (no bar, contents, pager or buttons), on white even from the dark
 * theme, its figures as their current picture; and Chromium turns it into a PDF.
 */
import { describe, expect, it } from 'vitest';
import { ARTIFACTS, openPage, useBrowser, widgetsReady } from './browser';

const browser = useBrowser();

describe('print', () => {
  it('prints chapter 2 as the chapter alone, on white, figures included', async () => {
    const { page, errors } = await openPage(browser(), '/chapters/02-forward-pass?backend=cpu');
    await page.locator('.widget').first().waitFor();
    await widgetsReady(page);
    await page.evaluate(() => (document.documentElement.dataset.theme = 'dark'));
    await page.emulateMedia({ media: 'print' });
    const shown = (selector: string) => page.locator(selector).first().isVisible();
    expect(await shown('.topbar')).toBe(false);
    expect(await shown('.sidebar')).toBe(false);
    expect(await shown('.pager')).toBe(false);
    expect(await page.locator('main button:visible').count()).toBe(0);
    expect(await shown('.widget')).toBe(true);
    expect(await page.locator('.widget svg:visible, .widget canvas:visible').count()).toBeGreaterThan(0);
    expect(await page.evaluate(() => getComputedStyle(document.body).backgroundColor)).toBe('rgb(255, 255, 255)');
    const pdf = await page.pdf({ path: `${ARTIFACTS}/chapter-02-print.pdf`, format: 'A4' });
    expect(pdf.subarray(0, 5).toString()).toBe('%PDF-');
    expect(errors).toEqual([]);
    await page.context().close();
  });
});
