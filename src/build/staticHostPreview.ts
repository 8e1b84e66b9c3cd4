/**
 * Makes `vite preview` answer like a plain static host (`python3 -m http.server`, GitHub Pages, Netlify):
 * `/chapters/x` redirects to `/chapters/x/` when that folder has an `index.html`, and a path with no page
 * gets the book's `404.html` with status 404. Together with `appType: 'mpa'` (no single-page fallback) the
 * browser tests see exactly what a reader of a static host would, missing pages included.
 */
import { existsSync, readFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import type { Plugin } from 'vite';

/** The redirect target for `pathname` if it names a folder holding a page, else null. */
export function folderRedirect(pathname: string, hasFile: (relativePath: string) => boolean): string | null {
  if (pathname.endsWith('/') || /\.[a-z0-9]+$/i.test(pathname)) return null;
  return hasFile(join(pathname, 'index.html')) ? `${pathname}/` : null;
}

export function staticHostPreview(distDir = resolve('dist')): Plugin {
  const hasFile = (relativePath: string) => existsSync(join(distDir, relativePath));
  return {
    name: 'unrolled-static-host-preview',
    configurePreviewServer(server) {
      server.middlewares.use((request, response, next) => {
        const url = new URL(request.url ?? '/', 'http://localhost');
        const target = folderRedirect(decodeURIComponent(url.pathname), hasFile);
        if (!target) return next();
        response.statusCode = 301;
        response.setHeader('Location', target + url.search);
        response.end();
      });
      // After the files, where Vite has rewritten a page's URL to its `.html` file: a page request whose
      // file does not exist gets the book's own not-found page.
      return () => {
        server.middlewares.use((request, response, next) => {
          const wantsPage = request.method === 'GET' && (request.headers.accept ?? '').includes('text/html');
          const pathname = decodeURIComponent(new URL(request.url ?? '/', 'http://localhost').pathname);
          if (!wantsPage || hasFile(pathname) || !hasFile('404.html')) return next();
          response.statusCode = 404;
          // Vite adds the configured headers to the files it serves; this page is served here, so add them too.
          for (const [name, value] of Object.entries(server.config.preview.headers ?? {})) if (value !== undefined) response.setHeader(name, value);
          response.setHeader('Content-Type', 'text/html; charset=utf-8');
          response.end(readFileSync(join(distDir, '404.html')));
        });
      };
    },
  };
}
