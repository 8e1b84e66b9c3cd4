/**
 * The book rendered in Node, for the pre-render (`src/build/prerender.ts`): the same `App` the browser
 * hydrates, at a given path, with every chapter's text awaited. Figures render their still placeholders,
 * so nothing here loads TensorFlow.js.
 */
import { StrictMode } from 'react';
import { prerender } from 'react-dom/static';
import chapters from 'virtual:chapter-index';
import { App } from './app/App';
import { preloadChapter } from './app/chapterSources';
import { FIGURE_CATALOGUE } from './mdx/figureCatalogue';
import { languageOfPath, pathWithoutLanguage } from './routing/language';
import { setServerPath, slugOfPath } from './routing/router';

import { headTags, pageHead } from './app/pageHead';
import { ensureLanguage } from './i18n/i18n';
import { LANGUAGES } from './routing/language';

export { chapters };

// Every edition's words, before any page is rendered or titled.
await Promise.all(LANGUAGES.map(ensureLanguage));

/** The title, description and canonical link of the page at `path`, as HTML for its head. */
export const pageHeadTags = (path: string, origin: string): string => headTags(pageHead(path, chapters), origin);

/** Every figure's name, for the figure pages to pre-render. */
export const figureNames = Object.keys(FIGURE_CATALOGUE);

/** The HTML inside `#root` for the page at `path`, its chapter's text included. */
export async function renderPage(path: string): Promise<string> {
  setServerPath(path);
  const slug = slugOfPath(pathWithoutLanguage(path));
  if (slug) await preloadChapter(slug, languageOfPath(path));
  const { prelude } = await prerender(
    <StrictMode>
      <App />
    </StrictMode>,
    {
      // One piece of HTML: React would otherwise split a long chapter into parts revealed by inline scripts,
      // which the Content-Security-Policy blocks.
      progressiveChunkSize: Number.POSITIVE_INFINITY,
      onError: (error) => console.error(`pre-rendering ${path}:`, error),
    },
  );
  return new Response(prelude).text();
}
