/**
 * The sections of the chapter on screen and the one being read, for the contents to show: the chapter
 * reports its `h2` headings once its text has rendered, and which one the reader has scrolled to.
 */
import { useEffect, useSyncExternalStore, type RefObject } from 'react';

export interface ChapterSection {
  id: string;
  title: string;
}

interface SectionsState {
  slug: string | null;
  sections: ChapterSection[];
  /** The id of the section being read: the last heading scrolled past the top of the window. */
  current: string | null;
}

/** How far below the top of the window a heading counts as reached: under the sticky bar, with room. */
const READING_LINE_PX = 96;

let state: SectionsState = { slug: null, sections: [], current: null };
const listeners = new Set<() => void>();
function update(next: Partial<SectionsState>) {
  state = { ...state, ...next };
  listeners.forEach((listener) => listener());
}

/** The current chapter's sections and the one being read (empty before its text renders). */
export function useChapterSections(): SectionsState {
  return useSyncExternalStore(
    (listener) => (listeners.add(listener), () => listeners.delete(listener)),
    () => state,
    () => state,
  );
}

/** A heading's words as the contents shows them: without its own link, and its math once (KaTeX writes it twice). */
function headingText(heading: HTMLElement): string {
  const copy = heading.cloneNode(true) as HTMLElement;
  copy.querySelectorAll('.heading-anchor, .heading-copied, .katex-mathml').forEach((node) => node.remove());
  return copy.textContent?.trim() || heading.id;
}

/** The last of `headings` whose top has passed the reading line, or the first when none has yet. */
function headingInView(headings: HTMLElement[]): string | null {
  let current = headings[0]?.id ?? null;
  for (const heading of headings) if (heading.getBoundingClientRect().top <= READING_LINE_PX) current = heading.id;
  return current;
}

/**
 * Reports the `h2` sections of the chapter in `article` (call it from inside the chapter's Suspense
 * boundary, so it runs once the text is there) and follows the scroll, at most once a frame.
 */
export function useReportSections(slug: string, article: RefObject<HTMLElement | null>): void {
  useEffect(() => {
    const headings = [...(article.current?.querySelectorAll<HTMLElement>('h2[id]') ?? [])];
    const sections = headings.map((h) => ({ id: h.id, title: headingText(h) }));
    update({ slug, sections, current: headingInView(headings) });
    let frame = 0;
    const onScroll = () => {
      if (frame) return;
      frame = requestAnimationFrame(() => {
        frame = 0;
        const current = headingInView(headings);
        if (current !== state.current) update({ current });
      });
    };
    addEventListener('scroll', onScroll, { passive: true });
    return () => {
      cancelAnimationFrame(frame);
      removeEventListener('scroll', onScroll);
      update({ slug: null, sections: [], current: null });
    };
  }, [slug, article]);
}
