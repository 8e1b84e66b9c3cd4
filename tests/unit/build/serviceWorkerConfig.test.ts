/**
 * The service worker's configuration: which built files it precaches (run through Workbox's own manifest
 * builder over a small stand-in for `dist/`) and how it answers navigations and updates.
 */
import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { getManifest } from 'workbox-build';
import { afterAll, describe, expect, it } from 'vitest';
import { FILE_URL, HASHED_ASSET, PAGE_WITHOUT_SLASH, serviceWorkerConfig } from '../../../src/build/serviceWorkerConfig';

const BUILT_FILES = [
  'index.html',
  'chapters/02-forward-pass/index.html',
  'figures/CellStepper/index.html',
  '404.html',
  'assets/index-BwtxGPhh.js',
  'assets/06-lstm-_2gkYvt0.js',
  'assets/index-TpSRHEN_.css',
  'assets/tfjs-backend-wasm-simd-BrM3BlWr.wasm',
  'assets/KaTeX_Main-Regular-B22Nviop.woff2',
  'assets/KaTeX_Main-Regular-Dr94JaBh.woff',
  'assets/KaTeX_Main-Regular-ypZvNtVU.ttf',
  'corpora/sotu-lincoln.txt',
  'thumbnails/CellStepper-dark.webp',
  'icons/icon-192.png',
  'favicon.svg',
  'manifest.webmanifest',
  'showcase/CharLM.webp',
  'sw.js',
];

const dist = mkdtempSync(join(tmpdir(), 'unrolled-dist-'));
afterAll(() => rmSync(dist, { recursive: true, force: true }));
for (const file of BUILT_FILES) {
  mkdirSync(dirname(join(dist, file)), { recursive: true });
  writeFileSync(join(dist, file), `contents of ${file}`);
}

describe('the precache', () => {
  it('holds every page, chunk, style, WebAssembly binary, woff2 font, the corpus and the icons — not the README pictures or the worker', async () => {
    const { globPatterns, globIgnores, maximumFileSizeToCacheInBytes, dontCacheBustURLsMatching } = serviceWorkerConfig(dist);
    const { manifestEntries, warnings } = await getManifest({ globDirectory: dist, globPatterns, globIgnores, maximumFileSizeToCacheInBytes, dontCacheBustURLsMatching });
    expect(warnings).toEqual([]);
    const urls = (manifestEntries ?? []).map((entry) => entry.url).sort();
    const expected = BUILT_FILES.filter((file) => !/\.(woff|ttf)$|^showcase\/|^sw\.js$/.test(file)).sort();
    expect(urls).toEqual(expected);
    // Hashed assets are their own revision; every other file carries one from its bytes.
    for (const entry of manifestEntries ?? []) expect(entry.revision === null).toBe(entry.url.startsWith('assets/'));
  });

  it('takes the build’s hashed file names as revisions, and nothing else', () => {
    for (const url of ['assets/index-BwtxGPhh.js', 'assets/06-lstm-_2gkYvt0.js', 'assets/KaTeX_Main-Regular-B22Nviop.woff2']) expect(url).toMatch(HASHED_ASSET);
    for (const url of ['index.html', 'corpora/sotu-lincoln.txt', 'chapters/02-forward-pass/index.html', 'assets/notes.txt']) expect(url).not.toMatch(HASHED_ASSET);
  });
});

describe('navigation and updates', () => {
  const config = serviceWorkerConfig('dist');

  it('answers a page with its own index.html, any other page with the app shell, and never a file with a page', () => {
    expect(config.directoryIndex).toBe('index.html');
    expect(config.navigateFallback).toBe('/index.html');
    expect(config.navigateFallbackDenylist).toEqual([FILE_URL, PAGE_WITHOUT_SLASH]);
    for (const path of ['/', '/chapters/02-forward-pass', '/chapters/02-forward-pass/', '/figures/CellStepper', '/figures']) expect(path).not.toMatch(FILE_URL);
    for (const path of ['/corpora/sotu-lincoln.txt', '/sw.js', '/assets/index-BwtxGPhh.js', '/manifest.webmanifest']) expect(path).toMatch(FILE_URL);
  });

  it('redirects a page address without its final slash to the page, settings kept, as a static host does', async () => {
    for (const path of ['/chapters/02-forward-pass', '/chapters/02-forward-pass?backend=cpu&lr=0.01', '/figures', '/figures/CellStepper']) expect(path).toMatch(PAGE_WITHOUT_SLASH);
    for (const path of ['/', '/chapters/02-forward-pass/', '/figures/', '/chapters/x/y', '/corpora/sotu-lincoln.txt']) expect(path).not.toMatch(PAGE_WITHOUT_SLASH);
    const [redirect] = config.runtimeCaching ?? [];
    const match = redirect.urlPattern as (context: { request: { mode: string }; url: URL }) => boolean;
    const navigation = (href: string) => ({ request: { mode: 'navigate' }, url: new URL(href) });
    expect(match(navigation('https://book.example/chapters/02-forward-pass?seed=3'))).toBe(true);
    expect(match(navigation('https://book.example/chapters/02-forward-pass/'))).toBe(false);
    expect(match({ ...navigation('https://book.example/figures'), request: { mode: 'cors' } })).toBe(false);
    const handler = redirect.handler as (context: { url: URL }) => Promise<Response>;
    const response = await handler({ url: new URL('https://book.example/chapters/02-forward-pass?seed=3') });
    expect([response.status, response.headers.get('location')]).toEqual([301, 'https://book.example/chapters/02-forward-pass/?seed=3']);
  });

  it('treats a page with figure settings in its query as the same page', () => {
    expect(config.ignoreURLParametersMatching?.some((pattern) => pattern.test('seed'))).toBe(true);
  });

  it('lets a new edition wait for the reader instead of taking over a page mid-read', () => {
    expect(config.skipWaiting).toBe(false);
    expect(config.clientsClaim).toBe(true);
    expect(config.cleanupOutdatedCaches).toBe(true);
    expect(config.swDest).toBe('dist/sw.js');
  });
});
