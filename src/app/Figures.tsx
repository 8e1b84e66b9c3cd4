import { MDXProvider } from '@mdx-js/react';
import chapters from 'virtual:chapter-index';
import { mdxComponents, widgets } from '../mdx/components';
import type { ChapterMeta } from '../build/chapterIndex';
import { chaptersUsing, FIGURE_CATALOGUE, figurePath, figuresInBookOrder, isFigureName, type FigureName } from '../mdx/figureCatalogue';
import { FigureThumbnail } from './FigureThumbnail';
import { Link } from '../routing/Link';
import { chapterPath } from '../routing/router';

/** Reads figure props from the query string: `?kind=LSTM&hiddenSize=8` → { kind: 'LSTM', hiddenSize: 8 }. */
function propsFromQuery(search: string): Record<string, string | number | boolean> {
  const props: Record<string, string | number | boolean> = {};
  for (const [key, raw] of new URLSearchParams(search)) {
    if (key === 'backend') continue;
    props[key] = raw === 'true' ? true : raw === 'false' ? false : raw !== '' && Number.isFinite(Number(raw)) ? Number(raw) : raw;
  }
  return props;
}

/** "Used in chapter 4, Backpropagation through time": links back to where the book shows a figure. */
function UsedIn({ chapters: using }: { chapters: ChapterMeta[] }) {
  if (using.length === 0) return <p className="figure-used-in">Not shown in a chapter yet.</p>;
  return (
    <p className="figure-used-in">
      Used in{' '}
      {using.map((chapter, k) => (
        <span key={chapter.slug}>
          {k > 0 && (k === using.length - 1 ? ' and ' : ', ')}
          <Link href={chapterPath(chapter.slug)}>{chapter.number > 90 ? 'the appendix' : `chapter ${chapter.number}`}, {chapter.title}</Link>
        </span>
      ))}
      .
    </p>
  );
}

/** `/figures/<Name>`: one figure on its own page, with what it does and where the book uses it. */
function FigurePage({ name }: { name: FigureName }) {
  const Widget = widgets[name] as (props: Record<string, unknown>) => React.ReactNode;
  const { title, description } = FIGURE_CATALOGUE[name];
  return (
    <article className="prose figure-page">
      <h1>{title}</h1>
      <p className="lede">{description}</p>
      <UsedIn chapters={chaptersUsing(chapters, name)} />
      <MDXProvider components={mdxComponents}>
        <Widget {...propsFromQuery(typeof location === 'undefined' ? '' : location.search)} />
      </MDXProvider>
      <p>
        <Link href="/figures">All figures</Link>
      </p>
    </article>
  );
}

/** `/figures`: every interactive figure of the book in the order the chapters first show them. */
export function Figures({ name }: { name: string | null }) {
  const known = name !== null && isFigureName(name) && name in widgets;
  if (known) return <FigurePage name={name} />;
  return (
    <article className="prose figures">
      <h1>Figures</h1>
      {name && <p role="alert">There is no figure called “{name}”.</p>}
      <p className="lede">Every interactive figure of the book, in the order the chapters show them, each on a page of its own.</p>
      <ol className="figure-cards">
        {figuresInBookOrder(chapters).map((figure) => (
          <li key={figure} className="figure-card" data-figure={figure}>
            <FigureThumbnail name={figure} />
            <h2 className="figure-card-title">
              <Link href={figurePath(figure)} className="card-link">{FIGURE_CATALOGUE[figure].title}</Link>
            </h2>
            <p>{FIGURE_CATALOGUE[figure].description}</p>
            <UsedIn chapters={chaptersUsing(chapters, figure)} />
          </li>
        ))}
      </ol>
    </article>
  );
}
