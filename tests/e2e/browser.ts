/**
 * Real-browser harness: Debian's Chromium driven by playwright-core, with WebGPU through SwiftShader.
 * Every page opened here records console errors and page errors so tests can insist there are none.
 */
import AxeBuilder from '@axe-core/playwright';
import { mkdirSync } from 'node:fs';
import { chromium, type Browser, type BrowserContext, type Page } from 'playwright-core';
import { afterAll, beforeAll, expect, inject } from 'vitest';

export const ARTIFACTS = 'test-artifacts';

const FLAGS = [
  '--headless=new',
  '--no-sandbox',
  '--enable-unsafe-webgpu',
  '--use-webgpu-adapter=swiftshader',
  '--enable-features=Vulkan',
  '--disable-background-networking',
  '--disable-component-update',
  '--disable-sync',
  '--no-first-run',
  '--disable-quic',
];

export function launchBrowser(): Promise<Browser> {
  mkdirSync(ARTIFACTS, { recursive: true });
  return chromium.launch({ executablePath: '/usr/bin/chromium', args: FLAGS, headless: true });
}

/** One Chromium per test file, launched before its first test and closed after its last; call the getter in a test. */
export function useBrowser(): () => Browser {
  let browser: Browser | undefined;
  beforeAll(async () => {
    browser = await launchBrowser();
  });
  afterAll(() => browser?.close());
  return () => {
    if (!browser) throw new Error('the browser did not start');
    return browser;
  };
}

export interface OpenedPage {
  page: Page;
  /** Console errors and uncaught exceptions seen so far. */
  errors: string[];
}

const WINDOW = { width: 1280, height: 900 };

/**
 * A context as every test opens one: its own storage, the given window, reduced motion. The book's service
 * worker is blocked unless asked for (`offline.test.ts` tests it): otherwise every fresh context would
 * download the whole book in the background and answer requests that a test reroutes or cuts off.
 */
function newContext(browser: Browser, viewport: { width: number; height: number }, serviceWorkers: 'allow' | 'block'): Promise<BrowserContext> {
  return browser.newContext({ viewport, reducedMotion: 'reduce', serviceWorkers });
}

/**
 * Opens `path` of the served build (or a full URL of another server) in a fresh context (own storage),
 * recording errors. `prepare` runs before the page loads, e.g. to add an init script.
 */
export async function openPage(
  browser: Browser,
  path: string,
  viewport = WINDOW,
  prepare?: (page: Page) => Promise<unknown>,
  serviceWorkers: 'allow' | 'block' = 'block',
): Promise<OpenedPage> {
  return openPageIn(await newContext(browser, viewport, serviceWorkers), path, prepare);
}

/** Opens `path` in a new page of `context`, recording errors, as `openPage` does. */
export async function openPageIn(context: BrowserContext, path: string, prepare?: (page: Page) => Promise<unknown>): Promise<OpenedPage> {
  const page = await context.newPage();
  const errors: string[] = [];
  page.on('console', (message) => {
    if (message.type() === 'error') errors.push(`console: ${message.text()}`);
  });
  page.on('pageerror', (error) => errors.push(`page: ${error.message}`));
  // The built book carries a Content-Security-Policy: anything it blocks is an error of the page.
  await page.addInitScript(() =>
    document.addEventListener('securitypolicyviolation', (event) => console.error(`CSP violation: ${event.violatedDirective} blocked ${event.blockedURI}`)),
  );
  await prepare?.(page);
  await page.goto(/^https?:/.test(path) ? path : inject('baseUrl') + path);
  await untilHydrated(page);
  return { page, errors };
}

/**
 * A context for pages that only read: walks over many pages that open each one, look and close it, and
 * store nothing. Every page starts as in a fresh context (no stored settings, no service worker), but they
 * share the HTTP and code caches, so each page after the first spares the download and compilation of the
 * book's scripts (about half a second a page). That nothing was stored is checked when the context closes.
 */
export async function readOnlyContext(browser: Browser, viewport = WINDOW): Promise<BrowserContext & { closeStoringNothing(): Promise<void> }> {
  const context = await newContext(browser, viewport, 'block');
  return Object.assign(context, {
    async closeStoringNothing() {
      const { cookies, origins } = await context.storageState({ indexedDB: true });
      await context.close();
      expect({ cookies, origins }, 'stored by pages that only read').toEqual({ cookies: [], origins: [] });
    },
  });
}

/** One read-only context (`readOnlyContext`) for the tests of a `describe` block; call the getter in a test. */
export function useReadOnlyContext(browser: () => Browser, viewport = WINDOW): () => BrowserContext {
  let context: Awaited<ReturnType<typeof readOnlyContext>> | undefined;
  beforeAll(async () => {
    context = await readOnlyContext(browser(), viewport);
  });
  afterAll(() => context?.closeStoringNothing());
  return () => {
    if (!context) throw new Error('the context did not open');
    return context;
  };
}

/**
 * Waits until React has taken over the page. A pre-rendered page shows its text (and its links) at once,
 * before its code runs: a click before then would be a plain link's full page load.
 */
export async function untilHydrated(page: Page): Promise<void> {
  await page.locator('html[data-hydrated="true"]').waitFor({ state: 'attached', timeout: 60_000 });
}

/** Waits until the backend badge names a backend, and returns it. */
export async function backendOf(page: Page): Promise<string> {
  const badge = page.getByTestId('backend-badge');
  await badge.and(page.locator('[data-backend]:not([data-backend=""])')).waitFor({ timeout: 120_000 });
  return (await badge.getAttribute('data-backend')) ?? '';
}

/**
 * Waits until every figure on the page has mounted (no still placeholder of a pre-rendered page is left)
 * and every widget has drawn its engine-backed content.
 */
export async function widgetsReady(page: Page): Promise<number> {
  await page.waitForFunction(
    () => !document.querySelector('[data-figure-placeholder]') && [...document.querySelectorAll('.widget')].every((w) => w.getAttribute('data-ready') === 'true'),
    undefined,
    { timeout: 180_000 },
  );
  return page.locator('.widget').count();
}

/**
 * Whether the chapter at position `k` of the book is checked for accessibility in English (even positions) or
 * in Chinese (odd): once per chapter, alternating editions, since both render the same components from the
 * same structure and a check costs seconds of CI time.
 */
export const checksAccessibilityInEnglish = (k: number): boolean => k % 2 === 0;

/**
 * Accessibility violations that are serious or critical, as readable lines. Every rule runs on the whole page;
 * two settings spare only work whose result is thrown away. `resultTypes: ['violations']` reports one node of
 * each passing rule instead of all of them (a chapter's math is thousands of checked elements, each given a
 * CSS selector and serialised); legacy mode runs `axe.run` in the page instead of `runPartial` serialised to a
 * second page for `finishRun`, a split made for cross-origin frames, which the book has none of. The same
 * violations with the same nodes, in half the time.
 */
export async function seriousViolations(page: Page): Promise<string[]> {
  const { violations } = await new AxeBuilder({ page }).setLegacyMode().options({ resultTypes: ['violations'] }).analyze();
  return violations
    .filter((v) => v.impact === 'serious' || v.impact === 'critical')
    .map((v) => `${v.id} (${v.impact}): ${v.help} — ${v.nodes.map((n) => n.target.join(' ')).join(', ')}`);
}

/**
 * Numbers printed in the figures (text and tooltips) with more digits than a reader can use: more than
 * six significant digits in a row. Exact values belong in data attributes and accessible names. (The
 * typeset equations' hover titles still carry exact values and are not counted.)
 */
export async function longNumbers(page: Page): Promise<string[]> {
  return page.evaluate(() => {
    const significant = (token: string) => token.replace('.', '').replace(/^0+/, '').length;
    const tooLong = (text: string) => (text.match(/\d[\d.]*/g) ?? []).some((token) => significant(token) > 6);
    const found: string[] = [];
    for (const widget of document.querySelectorAll('.widget')) {
      const walker = document.createTreeWalker(widget, NodeFilter.SHOW_TEXT);
      for (let node = walker.nextNode(); node; node = walker.nextNode()) {
        // KaTeX keeps the LaTeX source, exact values and all, in a hidden MathML annotation: not printed.
        if (node.parentElement?.closest('.katex-mathml')) continue;
        if (tooLong(node.textContent ?? '')) found.push(`text: ${node.textContent}`);
      }
      for (const element of widget.querySelectorAll('[title]:not(.katex *)')) if (tooLong(element.getAttribute('title') ?? '')) found.push(`title: ${element.getAttribute('title')}`);
    }
    return found;
  });
}
