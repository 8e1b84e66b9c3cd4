import type { Page } from 'playwright-core';
import { describe, expect, it } from 'vitest';
import { readFileSync } from 'node:fs';
import { readChapterIndex } from '../../src/build/chapterIndex';
import { widgets } from '../../src/mdx/components';
import { ARTIFACTS, backendOf, checksAccessibilityInEnglish, openPage, openPageIn, readOnlyContext, seriousViolations, useBrowser, useReadOnlyContext, widgetsReady } from './browser';
import { expectNoFigureFailed, GARBAGE_STORAGE } from './garbageStorage';

const chapters = readChapterIndex('chapters');
/** Whether a chapter uses any engine-backed component (only then does the page load TensorFlow.js). */
const usesEngine = (slug: string) => Object.keys(widgets).some((tag) => readFileSync(`chapters/${slug}.mdx`, 'utf8').includes(`<${tag}`));
const browser = useBrowser();
/** Holds back the home page's figure (and so TensorFlow.js) where a test is about the shell, not the engine. */
const withoutHomeFigure = (page: Page) => page.route(/\/assets\/ReadingRnn-[^/]*\.js$/, () => undefined);

describe('every chapter in real Chromium on WebGPU', () => {
  // The walk only reads: one context, a page per chapter.
  const walk = useReadOnlyContext(browser);

  it.each(chapters.map((c, k) => [c.slug, k]))('%s renders cleanly', async (slug, k) => {
    const { page, errors } = await openPageIn(walk(), `/chapters/${slug}`);
    await page.locator('article h1').first().waitFor();
    if (usesEngine(slug)) {
      const backend = await backendOf(page);
      const count = await widgetsReady(page);
      console.log(`${slug}: backend ${backend}, ${count} figure(s)`);
      expect(backend).toBe('webgpu');
    } else {
      // Prose-only pages never fetch TensorFlow.js.
      expect(await page.getByTestId('backend-badge').textContent()).toMatch(/idle/);
    }
    expect(await page.locator('.katex-error').count()).toBe(0);
    // Accessibility is checked once per chapter, alternating editions: the even chapters here, the odd ones in
    // Chinese (chinese.test.ts); both editions render the same components from the same structure.
    if (checksAccessibilityInEnglish(k)) expect(await seriousViolations(page)).toEqual([]);
    // The window only: the whole chapter is photographed at phone width below (a full 1280 px capture of a
    // long chapter costs seconds of CI time and shows nothing the other does not).
    await page.screenshot({ path: `${ARTIFACTS}/${slug}.png` });
    expect(errors).toEqual([]);
    await page.close();
  });
});

describe('the shell', () => {
  it('lists every chapter in the contents and renders math', async () => {
    // The home figure's own run, errors included, is home.test.ts's.
    const { page, errors } = await openPage(browser(), '/', undefined, withoutHomeFigure);
    const links = page.locator('nav.toc ol a');
    await expect.poll(() => links.count()).toBe(chapters.length);
    expect(await links.allTextContents()).toEqual(chapters.map((c) => expect.stringContaining(c.title)));
    await page.goto(page.url() + `chapters/${chapters[0].slug}`);
    await page.locator('article h1').first().waitFor();
    expect(await page.locator('.katex').count()).toBeGreaterThan(0);
    expect(await page.locator('nav.toc a[aria-current="page"]').textContent()).toContain(chapters[0].title);
    expect(errors).toEqual([]);
    await page.context().close();
  });

  it('dark mode toggles and persists across a reload', async () => {
    const { page } = await openPage(browser(), '/', undefined, withoutHomeFigure);
    const theme = () => page.evaluate(() => document.documentElement.dataset.theme);
    const before = await theme();
    await page.getByRole('button', { name: /switch to (dark|light) theme/i }).click();
    const after = await theme();
    expect(after).not.toBe(before);
    await page.reload();
    expect(await theme()).toBe(after);
    await page.context().close();
  });

  it('nothing overflows horizontally at 375 px, garbage in every stored setting breaks no page, and ?backend=cpu shows the fallback badge with its reason', async () => {
    // On the CPU backend: this pass is about layout and stored settings; every chapter's WebGPU run is the
    // test above. Every `unrolled.*` value a page reads is garbage: figures must fit it to their defaults.
    // One context for the pass, a page per page of the book: the garbage is read, never stored.
    const phone = await readOnlyContext(browser(), { width: 375, height: 800 });
    for (const path of ['/', ...chapters.map((c) => `/chapters/${c.slug}`)]) {
      const { page, errors } = await openPageIn(phone, `${path}?backend=cpu`, (p) => p.addInitScript(GARBAGE_STORAGE));
      await page.locator('h1').first().waitFor();
      await widgetsReady(page);
      if (path === `/chapters/${chapters[0].slug}`) {
        // The fallback badge, on the first chapter (loaded here on the CPU anyway): the backend and its reason.
        expect(await backendOf(page)).toBe('cpu');
        await expect.poll(() => page.getByTestId('backend-badge').textContent()).toMatch(/CPU.*forced with \?backend=cpu/);
      }
      await expectNoFigureFailed(page, path);
      expect(errors, path).toEqual([]);
      const overflow = await page.evaluate(() => document.documentElement.scrollWidth - window.innerWidth);
      // A whole chapter at phone width is a tall picture: JPEG encodes it in a fraction of PNG's time.
      if (path !== '/') await page.screenshot({ path: `${ARTIFACTS}/${path.split('/').pop()}-375.jpg`, type: 'jpeg', quality: 75, fullPage: true });
      expect(overflow, path).toBeLessThanOrEqual(0);
      await page.close();
    }
    await phone.closeStoringNothing();
  });
});
