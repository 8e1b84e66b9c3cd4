/**
 * Writes one HTML file per page into `dist/` (run after the client build and the server build, see
 * `npm run build`): each page is the built `index.html` with the page rendered by React into `#root` and
 * its own title, description and canonical link. The browser then hydrates it. Set `BOOK_ORIGIN`
 * (e.g. `https://unrolled.example`) to make canonical links absolute.
 */
import { mkdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { dirname, join, resolve } from 'node:path';
import { pathToFileURL } from 'node:url';
import type { ChapterMeta } from './chapterIndex';
import { pageModulePreloads, type ClientManifest } from './modulePreloads';
import { pageRoutes } from './pageRoutes';
import { fillTemplate } from './pageTemplate';
import { HTML_LANG, languageOfPath } from '../routing/language';

/** What the server build (`src/entry-server.tsx`) exports. */
interface ServerEntry {
  renderPage(path: string): Promise<string>;
  pageHeadTags(path: string, origin: string): string;
  chapters: ChapterMeta[];
  figureNames: string[];
}

async function main() {
  const dist = resolve('dist');
  const template = readFileSync(join(dist, 'index.html'), 'utf8');
  const manifest = JSON.parse(readFileSync(join(dist, '.vite/manifest.json'), 'utf8')) as ClientManifest;
  const server = (await import(pathToFileURL(resolve('dist-ssr/entry-server.js')).href)) as ServerEntry;
  const origin = process.env.BOOK_ORIGIN ?? '';
  const routes = pageRoutes(server.chapters, server.figureNames);
  const started = performance.now();
  for (const route of routes) {
    const body = await server.renderPage(route.path);
    const headTags = server.pageHeadTags(route.path, origin);
    const html = fillTemplate(template, { path: route.path, headTags, body, preloads: pageModulePreloads(manifest, route.path), lang: HTML_LANG[languageOfPath(route.path)] });
    mkdirSync(dirname(join(dist, route.file)), { recursive: true });
    writeFileSync(join(dist, route.file), html);
  }
  // The manifest served the pre-render only: it is not part of the site.
  rmSync(join(dist, '.vite'), { recursive: true, force: true });
  process.stdout.write(`pre-rendered ${routes.length} pages in ${Math.round(performance.now() - started)} ms\n`);
}

await main();
