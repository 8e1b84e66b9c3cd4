import { MDXProvider } from '@mdx-js/react';
import chapters from 'virtual:chapter-index';
import { mdxComponents, widgets } from '../mdx/components';
import type { ChapterMeta } from '../build/chapterIndex';
import { Trans } from 'react-i18next';
import { chaptersUsing, figurePath, figuresInBookOrder, figureText, isFigureName, type FigureName } from '../mdx/figureCatalogue';
import { chapterText } from '../i18n/chapterText';
import { useT } from '../i18n/useT';
import { FigureThumbnail } from './FigureThumbnail';
import { Link } from '../routing/Link';
import { chapterPathIn, pathInLanguage, useLanguage } from '../routing/language';

/** Reads figure props from the query string: `?kind=LSTM&hiddenSize=8` → { kind: 'LSTM', hiddenSize: 8 }. */
function propsFromQuery(search: string): Record<string, string | number | boolean> {
  const props: Record<string, string | number | boolean> = {};
  for (const [key, raw] of new URLSearchParams(search)) {
    if (key === 'backend') continue;
    props[key] = raw === 'true' ? true : raw === 'false' ? false : raw !== '' && Number.isFinite(Number(raw)) ? Number(raw) : raw;
  }
  return props;
}

/** "Used in chapter 4, Backpropagation through time": links back to where the book shows a figure, in the page's edition. */
function UsedIn({ chapters: using }: { chapters: ChapterMeta[] }) {
  const language = useLanguage();
  const t = useT('figurePages');
  if (using.length === 0) return <p className="figure-used-in">{t('notShownYet')}</p>;
  const links = using.map((chapter, k) => {
    const { title } = chapterText(chapter, language);
    return (
      <span key={chapter.slug}>
        {k > 0 && (k === using.length - 1 ? t('listLastSeparator') : t('listSeparator'))}
        <Link href={chapterPathIn(chapter.slug, language)}>{chapter.number > 90 ? t('inAppendix', { title }) : t('inChapter', { number: chapter.number, title })}</Link>
      </span>
    );
  });
  return (
    <p className="figure-used-in">
      <Trans t={t} i18nKey="usedIn" components={{ chapters: <>{links}</> }} />
    </p>
  );
}

/** `/figures/<Name>`: one figure on its own page, with what it does and where the book uses it. */
function FigurePage({ name }: { name: FigureName }) {
  const Widget = widgets[name] as (props: Record<string, unknown>) => React.ReactNode;
  const language = useLanguage();
  const t = useT('figurePages');
  const { title, description } = figureText(name, language);
  return (
    <article className="prose figure-page">
      <h1>{title}</h1>
      <p className="lede">{description}</p>
      <UsedIn chapters={chaptersUsing(chapters, name)} />
      <MDXProvider components={mdxComponents}>
        <Widget {...propsFromQuery(typeof location === 'undefined' ? '' : location.search)} />
      </MDXProvider>
      <p>
        <Link href={pathInLanguage('/figures', language)}>{t('allFigures')}</Link>
      </p>
    </article>
  );
}

/** `/figures`: every interactive figure of the book in the order the chapters first show them. */
export function Figures({ name }: { name: string | null }) {
  const known = name !== null && isFigureName(name) && name in widgets;
  const language = useLanguage();
  const t = useT('figurePages');
  if (known) return <FigurePage name={name} />;
  return (
    <article className="prose figures">
      <h1>{t('figures')}</h1>
      {name && <p role="alert">{t('noSuchFigure', { name })}</p>}
      <p className="lede">{t('figuresLede')}</p>
      <ol className="figure-cards">
        {figuresInBookOrder(chapters).map((figure) => (
          <li key={figure} className="figure-card" data-figure={figure}>
            <FigureThumbnail name={figure} />
            <h2 className="figure-card-title">
              <Link href={figurePath(figure, language)} className="card-link">{figureText(figure, language).title}</Link>
            </h2>
            <p>{figureText(figure, language).description}</p>
            <UsedIn chapters={chaptersUsing(chapters, figure)} />
          </li>
        ))}
      </ol>
    </article>
  );
}
