import { useEffect, useState } from 'react';
import chapters from 'virtual:chapter-index';
import { Trans } from 'react-i18next';
import { ErrorBoundary } from '../components/ErrorBoundary';
import { BackendBadge } from './BackendBadge';
import { ChapterPage } from './ChapterPage';
import { Figures } from './Figures';
import { Home } from './Home';
import { Link } from '../routing/Link';
import { SearchBox } from '../search/SearchBox';
import { pageHead } from './pageHead';
import { figureOfPath, slugOfPath, usePath, withoutTrailingSlash } from '../routing/router';
import { rememberScroll } from '../routing/scrollMemory';
import { Sidebar } from './Sidebar';
import { useTheme } from './theme';
import { UpdateNotice } from './UpdateNotice';
import { LanguageSwitch } from './LanguageSwitch';
import { useT } from '../i18n/useT';
import { languageOfPath, pathInLanguage, pathWithoutLanguage, useDocumentLanguage } from '../routing/language';

/**
 * The book's shell: header with theme toggle, language switch and backend badge, the contents, and the page,
 * in the edition its address names (`/zh/...` is Chinese).
 */
export function App() {
  const path = usePath();
  const language = languageOfPath(path);
  const page = pathWithoutLanguage(path);
  const slug = slugOfPath(page);
  const figure = figureOfPath(page);
  const t = useT('shell');
  useDocumentLanguage(language);
  const [theme, toggleTheme] = useTheme();
  const [menuOpen, setMenuOpen] = useState(false);
  useEffect(rememberScroll, []);
  useEffect(() => showHead(path), [path]);
  // The page's links and buttons answer from here on (a pre-rendered page shows its text before); tests wait for it.
  useEffect(() => void (document.documentElement.dataset.hydrated = 'true'), []);
  return (
    <div className={`shell ${menuOpen ? 'menu-open' : ''}`}>
      <a className="skip-link" href="#main">{t('skipToContent')}</a>
      <header className="topbar">
        <button
          type="button"
          className="menu-button"
          aria-expanded={menuOpen}
          aria-controls="sidebar"
          onClick={() => setMenuOpen(!menuOpen)}
        >
          {t('contents')}
        </button>
        <Link href={pathInLanguage('/', language)} className="brand">Unrolled</Link>
        <SearchBox key={language} />
        <BackendBadge />
        <LanguageSwitch />
        <button
          type="button"
          className="theme-toggle"
          aria-label={theme === 'dark' ? t('switchToLight') : t('switchToDark')}
          aria-pressed={theme === 'dark'}
          onClick={toggleTheme}
        >
          {theme === 'dark' ? '☀' : '☾'}
        </button>
      </header>
      <aside id="sidebar" className="sidebar">
        <Sidebar currentSlug={slug} onNavigate={() => setMenuOpen(false)} />
      </aside>
      <main id="main" tabIndex={-1} data-path={withoutTrailingSlash(path)}>
        <ErrorBoundary key={path} name={`page ${path}`} fallback={(error, retry) => <PageFailed error={error} retry={retry} />}>
          {slug ? (
            <ChapterPage key={`${language}:${slug}`} slug={slug} language={language} />
          ) : figure !== undefined ? (
            <Figures key={figure} name={figure} />
          ) : page === '/' ? (
            <Home />
          ) : (
            <NotFound />
          )}
        </ErrorBoundary>
      </main>
      <UpdateNotice />
    </div>
  );
}

/** Keeps the head true to the page after moving without a reload (the pre-rendered page starts with it). */
function showHead(path: string) {
  const head = pageHead(path, chapters);
  document.title = head.title;
  document.querySelector('meta[name="description"]')?.setAttribute('content', head.description);
  const canonical = document.querySelector<HTMLLinkElement>('link[rel="canonical"]');
  // The built page's link already names the book's origin (or this host's): keep it, change the path.
  if (canonical) canonical.href = new URL(head.canonicalPath, canonical.href).href;
}

/** The last line of defence: whatever a page throws, the shell (contents, header) stays. */
function PageFailed({ error, retry }: { error: Error; retry: () => void }) {
  const t = useT('shell');
  const home = pathInLanguage('/', languageOfPath(usePath()));
  return (
    <article className="prose" role="alert">
      <h1>{t('pageFailed')}</h1>
      <p className="widget-error">{error.message}</p>
      <p>
        <button type="button" onClick={retry}>{t('tryAgain')}</button> <Trans t={t} i18nKey="orBackToContents" components={{ contents: <Link href={home} /> }} />
      </p>
    </article>
  );
}

function NotFound() {
  const t = useT('shell');
  return (
    <article className="prose">
      <h1>{t('notFound')}</h1>
      <p>
        <Link href={pathInLanguage('/', languageOfPath(usePath()))}>{t('backToContents')}</Link>
      </p>
    </article>
  );
}
