/** Where each edition's compiled chapters come from: one lazily loaded chunk per chapter and language. */
import type { MDXContent } from 'mdx/types';
import type { Language } from '../routing/language';

type ChapterModule = () => Promise<{ default: MDXContent }>;

const english = import.meta.glob<{ default: MDXContent }>('/chapters/*.mdx');
const chinese = import.meta.glob<{ default: MDXContent }>('/chapters/zh/*.mdx');

/**
 * The loader of a chapter's text in `language`, or undefined when there is no such chapter. A chapter not yet
 * translated shows its English text rather than nothing.
 */
export function chapterSource(slug: string, language: Language): ChapterModule | undefined {
  const own = language === 'zh' ? chinese[`/chapters/zh/${slug}.mdx`] : undefined;
  return own ?? english[`/chapters/${slug}.mdx`];
}
