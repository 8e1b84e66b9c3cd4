/**
 * Cross-origin isolation: the two response headers that let a page (and the workers it starts) use
 * SharedArrayBuffer, which tfjs-wasm's threaded build needs for its thread pool. Every server of the book
 * sends them (`vite` dev and preview, the browser tests' static host, `public/_headers` on Netlify or
 * Cloudflare Pages), and the service worker adds them to what it serves for hosts that cannot set
 * headers. Without them the book works the same, on one thread.
 *
 * `require-corp` blocks cross-origin subresources that do not opt in; the book loads nothing from another
 * origin (fonts, thumbnails, workers, WebAssembly, the corpus are all its own files), so nothing changes.
 */

/** The headers, as servers send them. */
export const CROSS_ORIGIN_ISOLATION_HEADERS = {
  'Cross-Origin-Opener-Policy': 'same-origin',
  'Cross-Origin-Embedder-Policy': 'require-corp',
} as const;

/**
 * Source for the top of the service worker: every response it hands to the page (Workbox's precache, its
 * navigation fallback, its redirects) gets the two headers, so a static host without header control
 * serves an isolated book from the second visit on (the first visit installs the worker). Workbox's
 * `generateSW` takes no plugins for its precache, so this wraps `respondWith` itself: Workbox calls it once
 * per request it answers. Responses that already carry the headers, redirects and opaque responses (whose
 * headers cannot be rewritten) pass through untouched.
 */
export function isolatingServiceWorkerSource(): string {
  return `// Cross-origin isolation for hosts that cannot send headers: see src/build/isolationHeaders.ts.
{
  const ISOLATION = ${JSON.stringify(CROSS_ORIGIN_ISOLATION_HEADERS)};
  const isolate = (response) => {
    if (!response || response.type === 'opaque' || response.type === 'opaqueredirect' || response.status < 200 || (response.status >= 300 && response.status < 400)) return response;
    if (Object.entries(ISOLATION).every(([name, value]) => response.headers.get(name) === value)) return response;
    const headers = new Headers(response.headers);
    for (const [name, value] of Object.entries(ISOLATION)) headers.set(name, value);
    return new Response(response.body, { status: response.status, statusText: response.statusText, headers });
  };
  const respondWith = FetchEvent.prototype.respondWith;
  FetchEvent.prototype.respondWith = function (response) {
    return respondWith.call(this, Promise.resolve(response).then(isolate));
  };
}
`;
}
