import chapters from 'virtual:chapter-index';
import { Link } from '../routing/Link';
import { chapterPath } from '../routing/router';

/** The table of contents, with the chapter being read marked for eyes and screen readers. */
export function Sidebar({ currentSlug, onNavigate }: { currentSlug: string | null; onNavigate: () => void }) {
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
          </li>
        ))}
      </ol>
      <p className="toc-extra">
        <Link href="/figures" onClick={onNavigate}>All figures</Link>
      </p>
    </nav>
  );
}
