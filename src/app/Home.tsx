import chapters from 'virtual:chapter-index';
import { Trans } from 'react-i18next';
import { chapterPicture } from '../mdx/figureCatalogue';
import { widgets } from '../mdx/components';
import { chapterText } from '../i18n/chapterText';
import { useT } from '../i18n/useT';
import { FigureThumbnail } from './FigureThumbnail';
import { LanguageOffer } from './LanguageOffer';
import { Link } from '../routing/Link';
import { chapterPathIn, pathInLanguage, useLanguage } from '../routing/language';

/**
 * The front page, in the page's edition: what the book is, a live network to touch at once, then every
 * chapter as a card with its first figure and its one-line summary. The prose is plain React; only the figure
 * waits for the engine.
 */
export function Home() {
  const ReadingRnn = widgets.ReadingRnn;
  const language = useLanguage();
  const t = useT('home');
  const chapterNumber = (number: number) => (number > 90 ? t('appendix') : t('chapterNumber', { number }));
  return (
    <article className="prose home">
      {language === 'en' && <LanguageOffer />}
      <h1>Unrolled</h1>
      <p className="lede">{t('lede')}</p>
      <p>{t('intro')}</p>
      <ReadingRnn word="hello">
        <p>
          <Trans t={t} i18nKey="readingCaption" components={{ chapter: <Link href={chapterPathIn(chapters[0].slug, language)} /> }} />
        </p>
      </ReadingRnn>
      <h2 id="contents">{t('contents')}</h2>
      <ol className="chapter-cards">
        {chapters.map((chapter) => {
          const figure = chapterPicture(chapter);
          const { title, summary } = chapterText(chapter, language);
          return (
            <li key={chapter.slug} className="chapter-card">
              {figure ? <FigureThumbnail name={figure} /> : <span className="figure-thumbnail thumbnail-none" aria-hidden="true">{chapter.number > 90 ? 'A' : chapter.number}</span>}
              <span className="chapter-card-number">{chapterNumber(chapter.number)}</span>
              <Link href={chapterPathIn(chapter.slug, language)} className="card-link">{title}</Link>
              <p>{summary}</p>
            </li>
          );
        })}
      </ol>
      <p>
        <Trans t={t} i18nKey="everyFigure" components={{ figures: <Link href={pathInLanguage('/figures', language)} /> }} />
      </p>
    </article>
  );
}
