/**
 * The pre-rendered book: every page is an HTML file of its own with its text already in it, hydrates
 * without a mismatch, and reads with JavaScript off. Served without a single-page fallback, as a static
 * host would (`tests/e2e/serve.ts`).
 */
import { readFileSync } from 'node:fs';
import { describe, expect, inject, it } from 'vitest';
import { readChapterIndex } from '../../src/build/chapterIndex';
import { figureText } from '../../src/mdx/figureCatalogue';
import { escapeHtml } from '../../src/app/pageHead';
import { backendOf, openPage, useBrowser, widgetsReady } from './browser';

const chapters = readChapterIndex('chapters');
const browser = useBrowser();
const FIGURE_CHAPTER = '02-forward-pass';

/** The text of the page's HTML, tags dropped and the common entities decoded. */
const textOf = (html: string) =>
  html
    .replace(/<[^>]+>/g, ' ')
    .replace(/&quot;/g, '"')
    .replace(/&#x27;|&#39;/g, "'")
    .replace(/&lt;/g, '<')
    .replace(/&gt;/g, '>')
    .replace(/&amp;/g, '&')
    .replace(/\s+/g, ' ');

/** A chapter's headings in plain words: those written without code, math or markup (enough to check). */
function plainHeadings(slug: string): string[] {
  const source = readFileSync(`chapters/${slug}.mdx`, 'utf8').replace(/^```[\s\S]*?^```/gm, '');
  return [...source.matchAll(/^#{1,4} (.+)$/gm)].map((match) => match[1].trim()).filter((heading) => /^[\w ,.’'?:()-]+$/.test(heading));
}

describe('pre-rendered pages', () => {
  it('each chapter’s HTML, without JavaScript, has its title, headings and summary', async () => {
    for (const chapter of chapters) {
      const response = await fetch(`${inject('baseUrl')}/chapters/${chapter.slug}/`);
      expect(response.status, chapter.slug).toBe(200);
      const html = await response.text();
      expect(html).toContain(`<title>${escapeHtml(chapter.title)} — Unrolled</title>`);
      expect(html).toContain(`<link rel="canonical" href="/chapters/${chapter.slug}/"`);
      expect(html, `${chapter.slug}: summary`).toContain(`<meta name="description" content="${escapeHtml(chapter.summary)}"`);
      const text = textOf(html);
      const headings = plainHeadings(chapter.slug);
      expect(headings.length, `${chapter.slug}: headings to look for`).toBeGreaterThan(0);
      for (const heading of headings) expect(text, `${chapter.slug}: heading “${heading}”`).toContain(heading);
      expect(html).toMatch(/class="katex"/);
      expect(html).not.toContain('katex-error');
    }
  });

  it('serves the figure pages, redirects a path without its slash, and answers 404 for no page', async () => {
    const base = inject('baseUrl');
    const gallery = await fetch(`${base}/figures/`);
    expect(await gallery.text()).toContain('<title>Figures — Unrolled</title>');
    const figure = await (await fetch(`${base}/figures/CellStepper/`)).text();
    expect(textOf(figure)).toContain(figureText('CellStepper', 'en').description);
    const redirect = await fetch(`${base}/chapters/${FIGURE_CHAPTER}`, { redirect: 'manual' });
    expect(redirect.status).toBe(301);
    expect(redirect.headers.get('location')).toBe(`/chapters/${FIGURE_CHAPTER}/`);
    const missing = await fetch(`${base}/chapters/no-such-chapter/`, { headers: { accept: 'text/html' } });
    expect(missing.status).toBe(404);
    expect(await missing.text()).toContain('Page not found');
  });

  it('hydrates a chapter with figures without an error or a mismatch, and its figure steps', async () => {
    const warnings: string[] = [];
    // In the dark theme, and with an exercise answered on an earlier visit, which the server cannot know:
    // the theme toggle and the exercise must still hydrate cleanly, then show the reader's own state.
    const { page, errors } = await openPage(browser(), `/chapters/${FIGURE_CHAPTER}`, undefined, async (p) => {
      await p.emulateMedia({ colorScheme: 'dark' });
      await p.addInitScript(() => localStorage.setItem('unrolled.exercise.ch2-preactivation', JSON.stringify('0.6')));
      p.on('console', (message) => {
        if (message.type() === 'warning' && /hydrat|did not match/i.test(message.text())) warnings.push(message.text());
      });
    });
    await page.locator('article h1').first().waitFor();
    expect(new URL(page.url()).pathname).toBe(`/chapters/${FIGURE_CHAPTER}/`);
    await expect.poll(() => page.getByRole('button', { name: 'Switch to light theme' }).count()).toBe(1);
    const exercise = page.locator('[data-exercise="ch2-preactivation"]');
    await expect.poll(() => exercise.locator('input').inputValue()).toBe('0.6');
    await expect.poll(() => exercise.locator('.exercise-right').count()).toBe(1);
    expect(await backendOf(page)).toBe('webgpu');
    await widgetsReady(page);
    expect(await page.locator('[data-figure-placeholder]').count()).toBe(0);
    const position = page.locator('.stepper-position').first();
    const before = await position.textContent();
    await page.getByRole('button', { name: 'Step forward', exact: true }).first().click();
    await expect.poll(() => position.textContent()).not.toBe(before);
    // Moving to the next chapter without a reload keeps the head true to the page.
    await page.locator('a[rel="next"]').click();
    await expect.poll(() => page.title()).toBe(`${chapters[2].title} — Unrolled`);
    expect(errors).toEqual([]);
    expect(warnings).toEqual([]);
    await page.context().close();
  });

  it('renders a path with no page from the host’s 404 page without a mismatch', async () => {
    const { page, errors } = await openPage(browser(), '/chapters/no-such-chapter/');
    await page.locator('h1', { hasText: 'No such chapter' }).waitFor();
    expect(errors.filter((error) => !/status of 404/.test(error))).toEqual([]);
    await page.context().close();
  });

  it('reads with JavaScript off: prose, rendered math, and placeholders saying what each figure does', async () => {
    const context = await browser().newContext({ javaScriptEnabled: false });
    const page = await context.newPage();
    await page.goto(`${inject('baseUrl')}/chapters/${FIGURE_CHAPTER}`);
    expect(await page.locator('article h1').first().textContent()).toBe(chapters[1].title);
    expect(await page.locator('article p').count()).toBeGreaterThan(10);
    const math = page.locator('article .katex-html').first();
    expect(await math.isVisible()).toBe(true);
    const placeholders = page.locator('[data-figure-placeholder]');
    const names = await placeholders.evaluateAll((all) => all.map((element) => element.getAttribute('data-figure-placeholder')));
    expect(names).toEqual(['WorkedExample', 'CellStepper']);
    for (const name of ['WorkedExample', 'CellStepper'] as const) {
      const text = await page.locator(`[data-figure-placeholder="${name}"]`).textContent();
      expect(text).toContain(figureText(name, 'en').description);
    }
    await context.close();
  });
});
