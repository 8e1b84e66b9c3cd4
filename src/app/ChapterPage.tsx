import { MDXProvider } from '@mdx-js/react';
import { Suspense, useEffect, useRef, type RefObject } from 'react';
import chapters from 'virtual:chapter-index';
import { ErrorBoundary, isChunkLoadError } from '../components/ErrorBoundary';
import { useRetryableLazy } from '../hooks/useRetryableLazy';
import { mdxComponents } from '../mdx/components';
import { Link } from '../routing/Link';
import { chapterPath, scrollToHash } from '../routing/router';
import { returningToPlace } from '../routing/scrollMemory';
import { useReportSections } from './chapterSections';
import { chapterLoader, preloadedChapter } from './chapterSources';
import { keepWideMathFocusable } from './scrollableMath';

/** One chapter: its compiled MDX (loaded on demand), then links to its neighbours. */
export function ChapterPage({ slug }: { slug: string }) {
  const index = chapters.findIndex((chapter) => chapter.slug === slug);
  // A chapter loaded before the first render (a pre-rendered page) renders at once; others load lazily.
  const preloaded = preloadedChapter(slug);
  const [LazyContent, retryDownload] = useRetryableLazy(preloaded ? undefined : chapterLoader(slug));
  const Content = preloaded ?? LazyContent;
  const article = useRef<HTMLElement>(null);
  useEffect(() => (article.current ? keepWideMathFocusable(article.current) : undefined), [Content]);

  // A heading named in the address, once the text has arrived; unless the reader is returning (Back,
  // Forward, a reload) to a place of their own, which the scroll memory restores.
  useEffect(() => {
    if (location.hash && !returningToPlace()) scrollToHash(location.hash);
  }, [index]);

  if (index < 0 || !Content) {
    return (
      <article className="prose">
        <h1>No such chapter</h1>
        <p>
          There is no chapter at this address. <Link href="/">Back to the contents</Link>.
        </p>
      </article>
    );
  }
  const previous = chapters[index - 1];
  const next = chapters[index + 1];
  return (
    <article className="prose chapter" ref={article}>
      <ErrorBoundary name={`chapter ${slug}`} fallback={(error, retry) => <ChapterFailed error={error} retry={() => (retryDownload(), retry())} />}>
        <Suspense fallback={<p className="loading">Loading chapter…</p>}>
          <MDXProvider components={mdxComponents}>
            <Content />
            <SectionsReport slug={slug} article={article} />
          </MDXProvider>
        </Suspense>
      </ErrorBoundary>
      <nav className="pager" aria-label="Previous and next chapter">
        {previous ? <Link href={chapterPath(previous.slug)} rel="prev">← {previous.title}</Link> : <span />}
        {next ? <Link href={chapterPath(next.slug)} rel="next">{next.title} →</Link> : <span />}
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
  return (
    <div role="alert" className="chapter-failed" data-chapter-error="true">
      <p className="widget-error">
        {isChunkLoadError(error)
          ? 'This chapter could not be loaded: its text did not arrive (are you offline?).'
          : `This chapter could not be shown: ${error.message}`}
      </p>
      <button type="button" onClick={retry}>Try again</button> The contents, and chapters already opened, still work.
    </div>
  );
}
