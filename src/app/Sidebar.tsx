import chapters from 'virtual:chapter-index';
import { Link } from '../routing/Link';
import { chapterPath } from '../routing/router';
import { useChapterSections } from './chapterSections';

/**
 * The table of contents, with the chapter being read marked for eyes and screen readers, and under it
 * that chapter's sections, the one in view marked as the reader scrolls.
 */
export function Sidebar({ currentSlug, onNavigate }: { currentSlug: string | null; onNavigate: () => void }) {
  const { slug: sectionsOf, sections, current } = useChapterSections();
  return (
    <nav className="toc" aria-label="Chapters">
      <ol>
        {chapters.map((chapter) => (
          <li key={chapter.slug}>
            <Link
              href={chapterPath(chapter.slug)}
              aria-current={chapter.slug === currentSlug ? 'page' : undefined}
              onClick={onNavigate}
            >
              <span className="toc-number">{chapter.number > 90 ? 'A' : chapter.number}</span>
              {chapter.title}
            </Link>
            {chapter.slug === currentSlug && sectionsOf === currentSlug && sections.length > 0 && (
              <ol className="toc-sections" aria-label="Sections">
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
        <Link href="/figures" onClick={onNavigate}>All figures</Link>
      </p>
    </nav>
  );
}
