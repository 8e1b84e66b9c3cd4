/**
 * A strict Content-Security-Policy for the built book, as a `<meta>` tag in every HTML page, so it holds on
 * any static host. Inline scripts (the theme script that runs before first paint) are allowed by their
 * SHA-256 hash, computed here from the final HTML, so the policy can never fall out of step with them.
 * The development server goes without it: its hot-reload client injects inline scripts of its own.
 */
import { createHash } from 'node:crypto';
import type { Plugin } from 'vite';

/** The policy, given the hashes of the page's inline scripts ('sha256-…'). */
export function contentSecurityPolicy(scriptHashes: string[]): string {
  return [
    "default-src 'self'",
    // tfjs's WebAssembly backend compiles its module at run time; nothing else is evaluated.
    `script-src 'self' ${scriptHashes.map((hash) => `'${hash}'`).join(' ')} 'wasm-unsafe-eval'`.replace(/ {2,}/g, ' '),
        // KaTeX's HTML (typeset in the page for the live equations) positions glyphs with style attributes.
    "style-src 'self' 'unsafe-inline'",
    "img-src 'self' data: blob:",
    "font-src 'self' data:",
    "connect-src 'self'",
    // No blob: workers or scripts: tfjs-wasm's threads are blob: workers running blob: scripts, but the page
    // never starts them (src/core/runtime/wasmThreads.ts); the training workers do, and a module worker's
    // policy comes from its own response's headers, not from this <meta>.
    "worker-src 'self'",
    "object-src 'none'",
    "base-uri 'none'",
    "form-action 'none'",
  ].join('; ');
}

const INLINE_SCRIPT = /<script(?![^>]*\bsrc=)[^>]*>([\s\S]*?)<\/script>/g;

export function cspPlugin(): Plugin {
  return {
    name: 'unrolled-csp',
    apply: 'build',
    transformIndexHtml: {
      order: 'post',
      handler(html) {
        const hashes = [...html.matchAll(INLINE_SCRIPT)].map(([, body]) => `sha256-${createHash('sha256').update(body).digest('base64')}`);
        const meta = `<meta http-equiv="Content-Security-Policy" content="${contentSecurityPolicy(hashes)}" />`;
        return html.replace(/<meta charset="UTF-8" \/>/i, (charset) => `${charset}\n    ${meta}`);
      },
    },
  };
}
