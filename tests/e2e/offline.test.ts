/**
 * The book offline: after one visit, with the server gone and the browser offline, chapters reload, open
 * by link and by address, and a figure steps; a new deployment waits behind a notice until the reader
 * reloads, and then the page runs on the new service worker. Each test serves `dist/` on a host of its
 * own (`staticServer.ts`), which it can stop or redeploy; the suite's shared server stays untouched.
 */
import { readFileSync } from 'node:fs';
import type { Page } from 'playwright-core';
import { afterEach, describe, expect, it } from 'vitest';
import { ARTIFACTS, openPage, seriousViolations, useBrowser, widgetsReady } from './browser';
import { serveStatic, type StaticHost } from './staticServer';

const browser = useBrowser();
let host: StaticHost | undefined;
afterEach(() => host?.close());

/** How many files the built service worker precaches (its manifest lists each once). */
const PRECACHED = (readFileSync('dist/sw.js', 'utf8').match(/\{url:"/g) ?? []).length;

/**
 * Waits until a service worker controls the page (it claims the page on activation, which follows a
 * complete precache) and returns how many files its precache holds.
 */
async function untilOfflineReady(page: Page): Promise<number> {
  await page.waitForFunction(() => navigator.serviceWorker.controller !== null, undefined, { timeout: 60_000, polling: 250 });
  return page.evaluate(async () => {
    let files = 0;
    for (const name of await caches.keys()) if (name.includes('precache')) files += (await (await caches.open(name)).keys()).length;
    return files;
  });
}

/** The answer of the service worker now controlling the page to 'edition?', or null if it has none. */
const editionOfController = (page: Page) =>
  page.evaluate(
    () =>
      new Promise<string | null>((resolve) => {
        navigator.serviceWorker.addEventListener('message', (event) => resolve(String(event.data)), { once: true });
        navigator.serviceWorker.controller?.postMessage('edition?');
        setTimeout(() => resolve(null), 1000);
      }),
  );

const chapterTitle = (page: Page) => page.locator('article h1').first().textContent();

describe('the book offline', () => {
  it('after one visit, with no network, chapters reload and open by link and address, and a figure steps', async () => {
    host = await serveStatic('dist');
    const { page, errors } = await openPage(browser(), `${host.origin}/chapters/02-forward-pass?backend=cpu`, undefined, undefined, 'allow');
    await page.locator('article h1').first().waitFor();
    expect(PRECACHED).toBeGreaterThan(100);
    expect(await untilOfflineReady(page)).toBe(PRECACHED);

    await host.close();
    host = undefined;
    await page.context().setOffline(true);

    await page.reload();
    // As a static host does, the worker sends a page address without its final slash to the page's own file.
    expect(new URL(page.url()).pathname).toBe('/chapters/02-forward-pass/');
    expect(await chapterTitle(page)).toContain('The forward pass');
    expect(await page.locator('article p').first().textContent()).not.toBe('');

    await page.locator('nav.toc a', { hasText: 'First training' }).click();
    await expect.poll(() => chapterTitle(page)).toContain('First training');
    await page.goto(page.url().replace(/\/?$/, '/'));
    expect(await chapterTitle(page)).toContain('First training');

    await page.goto(page.url().replace(/\/chapters\/.*$/, '/chapters/02-forward-pass?backend=cpu'));
    await widgetsReady(page);
    const position = page.locator('.stepper-position').first();
    const before = await position.textContent();
    await page.getByRole('button', { name: 'Step forward', exact: true }).first().click();
    await expect.poll(() => position.textContent()).not.toBe(before);
    expect(await page.getByTestId('backend-badge').getAttribute('data-backend')).toBe('cpu');
    await page.screenshot({ path: `${ARTIFACTS}/offline-chapter.png` });
    expect(errors).toEqual([]);
    await page.context().close();
  });

  it('a new deployment waits behind a notice; Reload moves the page onto the new service worker', async () => {
    host = await serveStatic('dist');
    const { page, errors } = await openPage(browser(), `${host.origin}/?backend=cpu`, undefined, undefined, 'allow');
    await untilOfflineReady(page);
    const notice = page.getByTestId('update-notice');
    expect(await notice.textContent()).toBe('');

    host.publishServiceWorkerChange(`\nself.addEventListener('message', (event) => event.data === 'edition?' && event.source.postMessage('second edition'));\n`);
    await page.evaluate(async () => (await navigator.serviceWorker.getRegistration())?.update());
    await notice.getByText('A new edition of the book is available.').waitFor({ timeout: 60_000 });
    // Until the reader reloads, the old worker still serves this page (nothing of the new build mixes in).
    expect(await editionOfController(page)).toBeNull();
    for (const colorScheme of ['light', 'dark'] as const) {
      await page.emulateMedia({ colorScheme });
      await page.locator(`html[data-theme=${colorScheme}]`).waitFor();
      expect(await seriousViolations(page), colorScheme).toEqual([]);
      await page.screenshot({ path: `${ARTIFACTS}/offline-new-edition-${colorScheme}.png` });
    }

    await Promise.all([page.waitForEvent('load'), notice.getByRole('button', { name: 'Reload' }).click()]);
    await untilOfflineReady(page);
    expect(await editionOfController(page)).toBe('second edition');
    expect(await notice.textContent()).toBe('');
    expect(errors).toEqual([]);
    await page.context().close();
  });
});
