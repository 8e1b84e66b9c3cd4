/**
 * Where each edition's compiled chapters come from: one chunk per chapter and language, loaded on demand.
 * A page that starts on a chapter (the pre-render in Node, and the browser before it hydrates a
 * pre-rendered chapter) loads the chunk first, so React renders the text at once instead of suspending: the
 * server writes the text into the HTML, and hydration finds the same text with nothing to wait for.
 */
import type { MDXContent } from 'mdx/types';
import type { Language } from '../routing/language';

type ChapterModule = { default: MDXContent };

const english = import.meta.glob<ChapterModule>('/chapters/*.mdx');
const chinese = import.meta.glob<ChapterModule>('/chapters/zh/*.mdx');
const loaded = new Map<string, MDXContent>();

/**
 * The loader of a chapter's text in `language`, or undefined when there is no such chapter. A chapter not
 * yet translated shows its English text rather than nothing.
 */
export function chapterLoader(slug: string, language: Language): (() => Promise<ChapterModule>) | undefined {
  const own = language === 'zh' ? chinese[`/chapters/zh/${slug}.mdx`] : undefined;
  return own ?? english[`/chapters/${slug}.mdx`];
}

/** Loads a chapter's chunk ahead of rendering; a chapter that does not exist loads nothing. */
export async function preloadChapter(slug: string, language: Language): Promise<void> {
  const load = chapterLoader(slug, language);
  if (load) loaded.set(`${language}:${slug}`, (await load()).default);
}

/** A chapter's content if `preloadChapter` has loaded it. */
export const preloadedChapter = (slug: string, language: Language): MDXContent | undefined => loaded.get(`${language}:${slug}`);
