import 'katex/dist/katex.min.css';
import { StrictMode } from 'react';
import { createRoot, hydrateRoot } from 'react-dom/client';
import { App } from './app/App';
import { registerServiceWorker } from './app/serviceWorker';
import { preloadChapter } from './app/chapterSources';
import { ensureLanguage, hasLanguage } from './i18n/i18n';
import { languageOfPath, pathWithoutLanguage } from './routing/language';
import { setPagePreparation, slugOfPath, withoutTrailingSlash } from './routing/router';
import './styles.css';

const root = document.getElementById('root')!;
const app = (
  <StrictMode>
    <App />
  </StrictMode>
);

/**
 * A built page arrives pre-rendered, its text already on screen: React takes that HTML over once the
 * chapter's code (preloaded by the page's head) is here, so the first render matches it with nothing to
 * wait for. If the code does not arrive (offline), React hydrates anyway and the chapter's error boundary
 * says so. The development server sends an empty page, which React renders from scratch; so does a page
 * served for another address (a host's `404.html` for a path with no page), whose HTML is not this page's.
 */
async function start() {
  // The page's words first (the Chinese catalogue is a chunk of its own), and a move to the other edition waits for its words.
  setPagePreparation((path) => (hasLanguage(languageOfPath(path)) ? null : ensureLanguage(languageOfPath(path))));
  await ensureLanguage(languageOfPath(location.pathname));
  const renderedPath = root.dataset.renderedPath;
  if (renderedPath === undefined || withoutTrailingSlash(renderedPath) !== withoutTrailingSlash(location.pathname)) {
    root.replaceChildren();
    createRoot(root).render(app);
    return;
  }
  const page = pathWithoutLanguage(location.pathname);
  const slug = slugOfPath(page);
  if (slug) await preloadChapter(slug, languageOfPath(location.pathname)).catch(() => undefined);
  hydrateRoot(root, app);
}

void start();
registerServiceWorker();
