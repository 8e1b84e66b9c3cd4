import chapters from 'virtual:chapter-index';
import { chapterText } from '../i18n/chapterText';
import { useT } from '../i18n/useT';
import { Link } from '../routing/Link';
import { chapterPathIn, pathInLanguage, useLanguage } from '../routing/language';
import { useChapterSections } from './chapterSections';

/**
 * The table of contents, with the chapter being read marked for eyes and screen readers, and under it
 * that chapter's sections, the one in view marked as the reader scrolls; titles and links in the page's edition.
 */
export function Sidebar({ currentSlug, onNavigate }: { currentSlug: string | null; onNavigate: () => void }) {
  const { slug: sectionsOf, sections, current } = useChapterSections();
  const language = useLanguage();
  const t = useT('sidebar');
  return (
    <nav className="toc" aria-label={t('chapters')}>
      <ol>
        {chapters.map((chapter) => (
          <li key={chapter.slug}>
            <Link
              href={chapterPathIn(chapter.slug, language)}
              aria-current={chapter.slug === currentSlug ? 'page' : undefined}
              onClick={onNavigate}
            >
              <span className="toc-number">{chapter.number > 90 ? t('appendixNumber') : chapter.number}</span>
              {chapterText(chapter, language).title}
            </Link>
            {chapter.slug === currentSlug && sectionsOf === currentSlug && sections.length > 0 && (
              <ol className="toc-sections" aria-label={t('sections')}>
                {sections.map((section) => (
                  <li key={section.id}>
                    <Link href={`#${section.id}`} aria-current={section.id === current ? 'location' : undefined} onClick={onNavigate}>
                      {section.title}
                    </Link>
                  </li>
                ))}
              </ol>
            )}
          </li>
        ))}
      </ol>
      <p className="toc-extra">
        <Link href={pathInLanguage('/figures', language)} onClick={onNavigate}>{t('allFigures')}</Link>
      </p>
    </nav>
  );
}
