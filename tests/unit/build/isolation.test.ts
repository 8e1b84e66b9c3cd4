/**
 * Cross-origin isolation, which tfjs-wasm's threads need: every way the book is served sends COOP and COEP
 * (the dev and preview servers, `_headers` for static hosts, the service worker's responses), the
 * Content-Security-Policy stays as strict as before, and the build keeps tfjs-wasm's threads working.
 */
import { readFileSync } from 'node:fs';
import type { ConfigEnv, UserConfig } from 'vite';
import { describe, expect, it } from 'vitest';
import { contentSecurityPolicy } from '../../../src/build/cspPlugin';
import { CROSS_ORIGIN_ISOLATION_HEADERS, isolatingServiceWorkerSource } from '../../../src/build/isolationHeaders';
import { threadFriendlyFactory } from '../../../src/build/wasmThreadsPlugin';
import { MAX_WASM_THREADS, hasRelaxedSimd, wasmThreadsFor } from '../../../src/core/runtime/wasmThreads';
import viteConfig from '../../../vite.config';

const BOTH = { 'Cross-Origin-Opener-Policy': 'same-origin', 'Cross-Origin-Embedder-Policy': 'require-corp' };

/** The project's Vite configuration as `vite` (dev) or `vite preview` resolves it. */
function configFor(isPreview: boolean): UserConfig {
  const env: ConfigEnv = { command: 'serve', mode: isPreview ? 'production' : 'development', isPreview, isSsrBuild: false };
  return (viteConfig as (env: ConfigEnv) => UserConfig)(env);
}

/** `respondWith` as the service worker's code leaves it: what the page would receive for `response`. */
function throughServiceWorker(): (response: Response) => Promise<Response> {
  class FetchEvent {
    answer: Promise<Response> | undefined;
    respondWith(response: Promise<Response>) {
      this.answer = response;
    }
  }
  new Function('FetchEvent', isolatingServiceWorkerSource())(FetchEvent);
  return (response) => {
    const event = new FetchEvent();
    event.respondWith(Promise.resolve(response));
    return event.answer as Promise<Response>;
  };
}

describe('cross-origin isolation', () => {
  it('is what the dev server and the preview server send', () => {
    expect(CROSS_ORIGIN_ISOLATION_HEADERS).toEqual(BOTH);
    expect(configFor(false).server?.headers).toEqual(BOTH);
    expect(configFor(true).preview?.headers).toEqual(BOTH);
  });

  it('is in public/_headers for every path, for Netlify and Cloudflare Pages', () => {
    const rules = readFileSync('public/_headers', 'utf8').split('\n').filter((line) => line.trim() && !line.startsWith('#'));
    expect(rules[0]).toBe('/*');
    for (const [name, value] of Object.entries(BOTH)) expect(rules).toContain(`  ${name}: ${value}`);
  });

  it('is added by the service worker to what it answers, body and other headers kept', async () => {
    const isolate = throughServiceWorker();
    const page = await isolate(new Response('<h1>Unrolled</h1>', { status: 200, headers: { 'Content-Type': 'text/html' } }));
    for (const [name, value] of Object.entries(BOTH)) expect(page.headers.get(name)).toBe(value);
    expect(page.headers.get('Content-Type')).toBe('text/html');
    expect(await page.text()).toBe('<h1>Unrolled</h1>');
    const missing = await isolate(new Response('not found', { status: 404 }));
    expect([missing.status, missing.headers.get('Cross-Origin-Embedder-Policy')]).toEqual([404, 'require-corp']);
  });

  it('leaves redirects, and responses that already carry it, as they are', async () => {
    const isolate = throughServiceWorker();
    const redirect = Response.redirect('https://book.example/chapters/x/', 301);
    expect(await isolate(redirect)).toBe(redirect);
    const served = new Response('ok', { headers: BOTH });
    expect(await isolate(served)).toBe(served);
  });
});

describe('WebAssembly threads', () => {
  it('run only in a worker of an isolated page, on as many cores as there are, up to the limit', () => {
    expect(wasmThreadsFor({ isolated: true, inWorker: true, cores: 2, relaxedSimd: false })).toBe(2);
    expect(wasmThreadsFor({ isolated: true, inWorker: true, cores: 16, relaxedSimd: false })).toBe(MAX_WASM_THREADS);
    expect(wasmThreadsFor({ isolated: true, inWorker: true, cores: 1, relaxedSimd: false })).toBe(1);
    expect(wasmThreadsFor({ isolated: false, inWorker: true, cores: 8, relaxedSimd: false })).toBe(1);
    // The page's own engine: tiny products, and no thread pool spinning on the thread that draws.
    expect(wasmThreadsFor({ isolated: true, inWorker: false, cores: 8, relaxedSimd: false })).toBe(1);
  });

  it('run one where relaxed SIMD runs the engine’s products, which the probe detects', () => {
    expect(wasmThreadsFor({ isolated: true, inWorker: true, cores: 8, relaxedSimd: true })).toBe(1);
    // The unit tests turn relaxed SIMD on (tests/shared/relaxedSimd.ts), as Chromium ships it.
    expect(hasRelaxedSimd()).toBe(true);
  });

  it('need no blob: scripts or workers in the page’s Content-Security-Policy', () => {
    // The page never starts the threaded build; a module worker's policy comes from its own response, not
    // from the page's <meta>, so its blob: threads are not the page's to allow.
    const policy = contentSecurityPolicy(['sha256-abc']);
    expect(policy).toContain("worker-src 'self';");
    expect(policy).not.toMatch(/(script|worker|default)-src[^;]*blob:/);
  });

  it('survive minification, count every core and start no more than the engine uses, in tfjs’s own module', () => {
    const original = readFileSync('node_modules/@tensorflow/tfjs-backend-wasm/wasm-out/tfjs-backend-wasm-threaded-simd.js', 'utf8');
    const changed = threadFriendlyFactory(original);
    const factory = changed.slice(changed.indexOf('function(WasmBackendModuleThreadedSimd) {'));
    // The factory runs alone in each thread: the variable it reads must be its own, not its surroundings'.
    expect(factory).toMatch(/^function\(WasmBackendModuleThreadedSimd\) \{\n\s*var _scriptDir;/);
    expect(changed.slice(0, changed.indexOf(factory))).not.toContain('_scriptDir');
    expect(changed).toContain('return 2*navigator["hardwareConcurrency"]}');
    expect(changed).toContain(`var pthreadPoolSize=Math.min(navigator["hardwareConcurrency"],${MAX_WASM_THREADS})-1;`);
    expect(() => threadFriendlyFactory('var WasmBackendModuleThreadedSimd = 1;')).toThrow(/changed/);
  });
});
