import { MDXProvider } from '@mdx-js/react';
import { Suspense, useEffect, useRef, type RefObject } from 'react';
import chapters from 'virtual:chapter-index';
import { ErrorBoundary, isChunkLoadError } from '../components/ErrorBoundary';
import { useRetryableLazy } from '../hooks/useRetryableLazy';
import { mdxComponents } from '../mdx/components';
import { Link } from '../routing/Link';
import { scrollToHash } from '../routing/router';
import { chapterText } from '../i18n/chapterText';
import { useT } from '../i18n/useT';
import { chapterPathIn, type Language } from '../routing/language';
import { chapterLoader, preloadedChapter } from './chapterSources';
import { returningToPlace } from '../routing/scrollMemory';
import { useReportSections } from './chapterSections';
import { keepWideMathFocusable } from './scrollableMath';

/** One chapter in one edition: its compiled MDX (loaded on demand), then links to its neighbours. */
export function ChapterPage({ slug, language = 'en' }: { slug: string; language?: Language }) {
  const index = chapters.findIndex((chapter) => chapter.slug === slug);
  const t = useT('chapter');
  const shell = useT('shell');
  // A chapter loaded before the first render (a pre-rendered page) renders at once; others load lazily.
  const preloaded = preloadedChapter(slug, language);
  const [LazyContent, retryDownload] = useRetryableLazy(preloaded ? undefined : chapterLoader(slug, language));
  const Content = preloaded ?? LazyContent;
  const article = useRef<HTMLElement>(null);
  useEffect(() => (article.current ? keepWideMathFocusable(article.current) : undefined), [Content]);

  // A heading named in the address, once the text has arrived; unless the reader is returning (Back,
  // Forward, a reload) to a place of their own, which the scroll memory restores. (The shell keeps the title.)
  useEffect(() => {
    if (location.hash && !returningToPlace()) scrollToHash(location.hash);
  }, [index]);

  if (index < 0 || !Content) {
    return (
      <article className="prose">
        <h1>{t('noSuchChapter')}</h1>
        <p>
          {t('noChapterHere')} <Link href={language === 'zh' ? '/zh/' : '/'}>{shell('backToContents')}</Link>
        </p>
      </article>
    );
  }
  const previous = chapters[index - 1];
  const next = chapters[index + 1];
  const neighbour = (chapter: (typeof chapters)[number]) => ({ href: chapterPathIn(chapter.slug, language), title: chapterText(chapter, language).title });
  return (
    <article className="prose chapter" ref={article}>
      <ErrorBoundary name={`chapter ${slug}`} fallback={(error, retry) => <ChapterFailed error={error} retry={() => (retryDownload(), retry())} />}>
        <Suspense fallback={<p className="loading">{t('loading')}</p>}>
          <MDXProvider components={mdxComponents}>
            <Content />
            <SectionsReport slug={slug} article={article} />
          </MDXProvider>
        </Suspense>
      </ErrorBoundary>
      <nav className="pager" aria-label={t('previousAndNext')}>
        {previous ? <Link href={neighbour(previous).href} rel="prev">← {neighbour(previous).title}</Link> : <span />}
        {next ? <Link href={neighbour(next).href} rel="next">{neighbour(next).title} →</Link> : <span />}
      </nav>
    </article>
  );
}

/** Tells the contents the chapter's sections; rendered after the text, so it reports once the text is there. */
function SectionsReport({ slug, article }: { slug: string; article: RefObject<HTMLElement | null> }) {
  useReportSections(slug, article);
  return null;
}

/** In a chapter's place when it cannot be shown: most often its text did not download (offline). */
function ChapterFailed({ error, retry }: { error: Error; retry: () => void }) {
  const t = useT('chapter');
  const shell = useT('shell');
  return (
    <div role="alert" className="chapter-failed" data-chapter-error="true">
      <p className="widget-error">
        {isChunkLoadError(error) ? t('notDownloaded') : t('notShown', { message: error.message })}
      </p>
      <button type="button" onClick={retry}>{shell('tryAgain')}</button> {t('restStillWorks')}
    </div>
  );
}
