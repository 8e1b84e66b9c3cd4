/** The pure parts of the pre-render: which pages exist, what each says in its head, how a page is filled in. */
import { describe, expect, it } from 'vitest';
import type { ChapterMeta } from '../../../src/build/chapterIndex';
import { CHINESE_CATALOGUE, pageModulePreloads, type ClientManifest } from '../../../src/build/modulePreloads';
import { pageRoutes } from '../../../src/build/pageRoutes';
import { countInlineScripts, fillTemplate } from '../../../src/build/pageTemplate';
import { folderRedirect } from '../../../src/build/staticHostPreview';
import { figureText } from '../../../src/mdx/figureCatalogue';
import { headTags, pageHead } from '../../../src/app/pageHead';

const chapter = (number: number, slug: string, title: string): ChapterMeta => ({ slug, number, title, summary: `${title} <in> “short”.`, components: [] });
const chapters = [{ ...chapter(1, '01-sequences', 'Sequences'), zh: { title: '序列', summary: '从序列到隐状态。' } }, chapter(99, '99-appendix', 'Notes & idioms')];

describe('pageRoutes', () => {
  it('lists home, every chapter with the appendix, the Chinese home and translated chapters, the gallery and every figure in both editions, and the 404 page, each in its file', () => {
    const routes = pageRoutes(chapters, ['CellStepper']);
    expect(routes).toEqual([
      { path: '/', file: 'index.html' },
      { path: '/chapters/01-sequences/', file: 'chapters/01-sequences/index.html' },
      { path: '/chapters/99-appendix/', file: 'chapters/99-appendix/index.html' },
      { path: '/zh/', file: 'zh/index.html' },
      { path: '/zh/chapters/01-sequences/', file: 'zh/chapters/01-sequences/index.html' },
      { path: '/figures/', file: 'figures/index.html' },
      { path: '/figures/CellStepper/', file: 'figures/CellStepper/index.html' },
      { path: '/zh/figures/', file: 'zh/figures/index.html' },
      { path: '/zh/figures/CellStepper/', file: 'zh/figures/CellStepper/index.html' },
      { path: '/404', file: '404.html' },
    ]);
  });
});

describe('pageHead', () => {
  it('gives a Chinese page its Chinese title, summary and address, and a chapter not yet translated its English text', () => {
    expect(pageHead('/zh/chapters/01-sequences/', chapters)).toEqual({ title: '序列 — Unrolled', description: '从序列到隐状态。', canonicalPath: '/zh/chapters/01-sequences/' });
    expect(pageHead('/zh/chapters/99-appendix', chapters)).toMatchObject({ title: 'Notes & idioms — Unrolled', canonicalPath: '/zh/chapters/99-appendix/' });
    expect(pageHead('/zh/', chapters).canonicalPath).toBe('/zh/');
  });
  it('titles a chapter after itself and describes it by its summary, with or without the slash', () => {
    for (const path of ['/chapters/99-appendix', '/chapters/99-appendix/']) {
      expect(pageHead(path, chapters)).toEqual({ title: 'Notes & idioms — Unrolled', description: 'Notes & idioms <in> “short”.', canonicalPath: '/chapters/99-appendix/' });
    }
  });
  it('describes a figure page by the figure’s description, and the gallery and home in their own words', () => {
    expect(pageHead('/figures/CellStepper', chapters)).toMatchObject({ title: 'Cell stepper — Unrolled', description: figureText('CellStepper', 'en').description, canonicalPath: '/figures/CellStepper/' });
    expect(pageHead('/figures/', chapters).title).toBe('Figures — Unrolled');
    expect(pageHead('/', chapters).canonicalPath).toBe('/');
  });
  it('calls anything else not found', () => {
    for (const path of ['/404', '/chapters/no-such', '/figures/Nope']) expect(pageHead(path, chapters).title).toBe('Page not found — Unrolled');
  });
});

describe('headTags', () => {
  const head = pageHead('/chapters/99-appendix/', chapters);
  it('escapes the text and keeps the canonical link a path without an origin', () => {
    expect(headTags(head)).toBe(
      [
        '<title>Notes &amp; idioms — Unrolled</title>',
        '<meta name="description" content="Notes &amp; idioms &lt;in&gt; “short”." />',
        '<link rel="canonical" href="/chapters/99-appendix/" />',
      ].join('\n    '),
    );
  });
  it('makes the canonical link absolute with an origin', () => {
    expect(headTags(head, 'https://unrolled.example/')).toContain('<link rel="canonical" href="https://unrolled.example/chapters/99-appendix/" />');
  });
});

describe('fillTemplate', () => {
  const template = [
    '<!doctype html>',
    '<html lang="en">',
    '<head>',
    '<meta name="description" content="the book" />',
    '<title>Unrolled</title>',
    '<script>theme()</script>',
    '</head>',
    '<body><div id="root"></div><script type="module" src="/assets/index.js"></script></body>',
  ].join('\n');
  const page = { path: '/chapters/01-sequences/', headTags: headTags(pageHead('/chapters/01-sequences/', chapters)) };

  it('puts the page in #root and its own head in place of the template’s, keeping the template’s scripts', () => {
    const html = fillTemplate(template, { ...page, body: '<h1>Sequences</h1>', preloads: ['/assets/01.js'] });
    expect(html).toContain('<div id="root" data-rendered-path="/chapters/01-sequences/"><h1>Sequences</h1></div>');
    expect(html).toContain('<title>Sequences — Unrolled</title>');
    expect(html).not.toContain('the book');
    expect(html).toContain('<link rel="modulepreload" crossorigin href="/assets/01.js" />');
    expect(countInlineScripts(html)).toBe(1);
  });
  it('writes the page’s language into <html lang>', () => {
    expect(fillTemplate(template, { ...page, body: '', preloads: [], lang: 'zh-Hans' })).toContain('<html lang="zh-Hans">');
    expect(fillTemplate(template, { ...page, body: '', preloads: [] })).toContain('<html lang="en">');
  });
  it('refuses a page that brings an inline script the CSP does not know', () => {
    expect(() => fillTemplate(template, { ...page, body: '<script>$RC()</script>', preloads: [] })).toThrow(/inline script/);
  });
  it('refuses a template that was already filled in', () => {
    const filled = fillTemplate(template, { ...page, body: '<h1>x</h1>', preloads: [] });
    expect(() => fillTemplate(filled, { ...page, body: '', preloads: [] })).toThrow(/no <title>|root/);
  });
});

describe('pageModulePreloads', () => {
  const manifest: ClientManifest = {
    'index.html': { file: 'assets/index.js', isEntry: true, imports: ['_jsx.js'] },
    '_jsx.js': { file: 'assets/jsx.js' },
    '_table.js': { file: 'assets/table.js' },
    'chapters/01-sequences.mdx': { file: 'assets/01.js', imports: ['_jsx.js', '_table.js'] },
    'chapters/zh/01-sequences.mdx': { file: 'assets/01-zh.js', imports: ['_jsx.js', '_table.js'] },
    [CHINESE_CATALOGUE]: { file: 'assets/zh.js' },
  };
  it('preloads a chapter’s chunk and what it imports that the entry does not already load', () => {
    expect(pageModulePreloads(manifest, '/chapters/01-sequences/')).toEqual(['/assets/01.js', '/assets/table.js']);
  });
  it('preloads the Chinese catalogue on every Chinese page, beside a translated chapter’s chunk', () => {
    expect(pageModulePreloads(manifest, '/zh/chapters/01-sequences/')).toEqual(['/assets/01-zh.js', '/assets/table.js', '/assets/zh.js']);
    expect(pageModulePreloads(manifest, '/zh/')).toEqual(['/assets/zh.js']);
  });
  it('preloads nothing for other English pages', () => {
    expect(pageModulePreloads(manifest, '/figures/')).toEqual([]);
    expect(pageModulePreloads(manifest, '/chapters/no-such/')).toEqual([]);
  });
});

describe('folderRedirect', () => {
  const files = new Set(['/chapters/01-sequences/index.html']);
  const hasFile = (path: string) => files.has(path);
  it('adds the slash a static host adds to a folder with a page, and nothing else', () => {
    expect(folderRedirect('/chapters/01-sequences', hasFile)).toBe('/chapters/01-sequences/');
    expect(folderRedirect('/chapters/01-sequences/', hasFile)).toBeNull();
    expect(folderRedirect('/chapters/none', hasFile)).toBeNull();
    expect(folderRedirect('/assets/app.js', hasFile)).toBeNull();
  });
});
