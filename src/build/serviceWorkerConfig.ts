/**
 * What the book's service worker precaches and how it answers navigations, as a Workbox `generateSW`
 * configuration. Kept pure (no file system) so a unit test can read it; `serviceWorker.ts` runs it over
 * the final `dist/`, after every HTML page has been written.
 */
import type { GenerateSWOptions } from 'workbox-build';

/** The service worker's file name at the site root; the page registers this URL. */
export const SERVICE_WORKER_FILE = 'sw.js';

/**
 * Every file the book needs, by extension: pages, chunks and styles, the engine's WebAssembly, the corpus,
 * KaTeX's fonts, the figure thumbnails and icons, the manifest. KaTeX's stylesheet also lists `.woff` and
 * `.ttf` copies of each font, but a browser with service workers always takes the `.woff2` listed first.
 */
export const PRECACHED_FILES = ['**/*.{html,js,mjs,css,wasm,txt,json,woff2,svg,png,webp,ico,webmanifest,py}'];

/** The README's pictures live in `public/` but no page shows them; the worker does not precache itself. */
export const NOT_PRECACHED = ['showcase/**', SERVICE_WORKER_FILE];

/**
 * A navigation whose last path segment names a file (`/corpora/x.txt`, `/sw.js`) is never answered with a
 * page: it goes to the precache by its own URL or to the network.
 */
export const FILE_URL = /\/[^/?]+\.[^/?]+$/;

/**
 * A page address without its final slash (`/chapters/x`, `/figures/Name`, `/figures`). Its pre-rendered
 * page is `/chapters/x/index.html`, which the precache answers only for `/chapters/x/`; so the worker
 * redirects there, as a static host does, instead of answering with the app shell's different page.
 * (Workbox tests a navigation's path and query against its deny list.)
 */
export const PAGE_WITHOUT_SLASH = /^\/(chapters|figures)(\/[^/.?]+)?(\?.*)?$/;

/**
 * Vite names every file under `assets/` by its content hash (`index-BwtxGPhh.js`), so the URL is its
 * revision; other files (HTML, the corpus, icons) get a revision from their bytes.
 */
export const HASHED_ASSET = /(^|\/)assets\/[^/]+-[A-Za-z0-9_-]{8}\.[a-z0-9]+$/;

/** The largest chunk today is under 1 MB; the limit leaves room and fails the build loudly beyond it. */
export const MAX_PRECACHED_FILE_BYTES = 16 * 1024 * 1024;

/**
 * The `generateSW` options for the built book in `distDir`.
 *
 * - A page's own `index.html` answers `/chapters/x/` (`directoryIndex`); `/chapters/x` is redirected
 *   there; any other navigation, or a page not pre-rendered, gets the app shell `/index.html`, which
 *   renders every page on the client.
 * - Query strings are the figures' settings, read on the client: `/chapters/x/?seed=3` is the same page.
 * - No automatic `skipWaiting`: a new worker waits until the reader accepts the new edition (the page
 *   posts `SKIP_WAITING`), so one page never mixes files of two builds; old caches go once it activates.
 * - `clientsClaim`: the first worker takes over the page that installed it, so a reader who goes offline
 *   after the first visit, without reloading, still opens other chapters (their chunks load lazily). A later
 *   worker activates only when the reader accepts it, and the page reloads then.
 */
export function serviceWorkerConfig(distDir: string): GenerateSWOptions {
  return {
    globDirectory: distDir,
    globPatterns: PRECACHED_FILES,
    globIgnores: NOT_PRECACHED,
    swDest: `${distDir}/${SERVICE_WORKER_FILE}`,
    maximumFileSizeToCacheInBytes: MAX_PRECACHED_FILE_BYTES,
    dontCacheBustURLsMatching: HASHED_ASSET,
    directoryIndex: 'index.html',
    ignoreURLParametersMatching: [/.*/],
    navigateFallback: '/index.html',
    navigateFallbackDenylist: [FILE_URL, PAGE_WITHOUT_SLASH],
    runtimeCaching: [
      {
        // Written out into sw.js as source, so the pattern is repeated here rather than referenced.
        urlPattern: ({ request, url }) => request.mode === 'navigate' && /^\/(chapters|figures)(\/[^/.?]+)?$/.test(url.pathname),
        handler: async ({ url }) => Response.redirect(`${url.origin}${url.pathname}/${url.search}`, 301),
      },
    ],
    cleanupOutdatedCaches: true,
    skipWaiting: false,
    clientsClaim: true,
    cacheId: 'unrolled',
    mode: 'production',
    sourcemap: false,
    // One file, no `importScripts`: nothing else to fetch, and nothing for a Content-Security-Policy to block.
    inlineWorkboxRuntime: true,
  };
}
