/**
 * Where each chapter's compiled MDX comes from: its own chunk, loaded on demand. A page that starts on a
 * chapter (the pre-render in Node, and the browser before it hydrates a pre-rendered chapter) loads the
 * chunk first, so React renders the text at once instead of suspending: the server writes the text into
 * the HTML, and hydration finds the same text with nothing to wait for.
 */
import type { MDXContent } from 'mdx/types';

type ChapterModule = { default: MDXContent };

const sources = import.meta.glob<ChapterModule>('/chapters/*.mdx');
const loaded = new Map<string, MDXContent>();

/** The loader of a chapter's chunk, or undefined when there is no such chapter. */
export const chapterLoader = (slug: string): (() => Promise<ChapterModule>) | undefined => sources[`/chapters/${slug}.mdx`];

/** Loads a chapter's chunk ahead of rendering; a chapter that does not exist loads nothing. */
export async function preloadChapter(slug: string): Promise<void> {
  const load = chapterLoader(slug);
  if (load) loaded.set(slug, (await load()).default);
}

/** A chapter's content if `preloadChapter` has loaded it. */
export const preloadedChapter = (slug: string): MDXContent | undefined => loaded.get(slug);
