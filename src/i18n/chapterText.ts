/** A chapter's title and summary in one edition, from the chapter index (English where not yet translated). */
import type { ChapterMeta, ChapterTranslation } from '../build/chapterIndex';
import type { Language } from '../routing/language';

export function chapterText(chapter: ChapterMeta, language: Language): ChapterTranslation {
  const translated = language === 'zh' ? chapter.zh : undefined;
  return translated ?? { title: chapter.title, summary: chapter.summary };
}
