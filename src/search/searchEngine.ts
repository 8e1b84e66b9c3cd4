/**
 * Full-text search over the book's sections with MiniSearch: prefix and typo-tolerant matching, headings
 * weighted above body text, figures found by the words of their names. Chinese is written without spaces, so
 * the Chinese index cuts its text into words with the platform's own word segmenter (`Intl.Segmenter`), the
 * same way for the book's text and for what the reader types.
 */
import MiniSearch from 'minisearch';
import type { SearchSection } from '../build/searchIndex';
import { pathInLanguage, type Language } from '../routing/language';

/** One hit as the search box lists it. */
export interface SearchHit {
  /** Where it goes: `/chapters/<slug>#<heading id>` (under `/zh` in the Chinese edition). */
  href: string;
  heading: string;
  chapter: string;
  /** A few words of the section around the first matched term. */
  snippet: string;
  /** The matched words, to mark in the snippet. */
  terms: string[];
}

/** "CellStepper" → "Cell Stepper": figure tags are searched by the words a reader sees. */
const words = (tag: string) => tag.replace(/([a-z])([A-Z])/g, '$1 $2');

const SNIPPET_WORDS = 20;
/** A Chinese snippet is counted in characters: about as much to read as twenty English words. */
const SNIPPET_CHARACTERS = 60;

/** About SNIPPET_WORDS words of `text`, starting a little before the first of `terms` it contains. */
export function snippetOf(text: string, terms: string[]): string {
  const lower = text.toLowerCase();
  const at = Math.min(...terms.map((t) => lower.indexOf(t.toLowerCase())).filter((i) => i >= 0), text.length);
  const wordsBefore = at === text.length ? 0 : text.slice(0, at).split(' ').length - 1;
  const start = Math.max(0, wordsBefore - 6);
  const all = text.split(' ');
  const chosen = all.slice(start, start + SNIPPET_WORDS).join(' ');
  return `${start > 0 ? '… ' : ''}${chosen}${start + SNIPPET_WORDS < all.length ? ' …' : ''}`;
}

/** The same for Chinese: SNIPPET_CHARACTERS characters, starting a few before the first match. */
export function chineseSnippetOf(text: string, terms: string[]): string {
  const lower = text.toLowerCase();
  const at = Math.min(...terms.map((t) => lower.indexOf(t.toLowerCase())).filter((i) => i >= 0), text.length);
  const start = at === text.length ? 0 : Math.max(0, at - 12);
  const end = start + SNIPPET_CHARACTERS;
  return `${start > 0 ? '…' : ''}${text.slice(start, end).trim()}${end < text.length ? '…' : ''}`;
}

const segmenter = typeof Intl.Segmenter === 'function' ? new Intl.Segmenter('zh', { granularity: 'word' }) : undefined;

/** Chinese text as search terms: its words as the segmenter finds them (Latin words and numbers whole). */
export function chineseTerms(text: string): string[] {
  if (!segmenter) return text.split(/[\s\p{P}]+/u).filter(Boolean);
  return [...segmenter.segment(text)].filter((segment) => segment.isWordLike).map((segment) => segment.segment);
}

/** A search over one edition's `sections`: the best `limit` of them for `query` (none for a query under two characters). */
export function buildSearch(sections: readonly SearchSection[], language: Language = 'en'): (query: string, limit?: number) => SearchHit[] {
  const chinese = language === 'zh';
  const index = new MiniSearch<SearchSection>({
    fields: ['heading', 'text', 'figureNames'],
    storeFields: ['slug', 'heading', 'chapter', 'text'],
    extractField: (section, field) => (field === 'figureNames' ? section.figures.map(words).join(' ') : String(section[field as keyof SearchSection])),
    ...(chinese ? { tokenize: chineseTerms } : {}),
    // A Chinese word is one to three characters: a typo there is another word, and a prefix of one is noise.
    searchOptions: { boost: { heading: 3, figureNames: 2 }, prefix: (term) => !chinese || /^[a-z0-9]/i.test(term), fuzzy: (term) => (chinese && !/^[a-z]/i.test(term) ? false : 0.2), combineWith: 'AND' },
  });
  index.addAll(sections);
  const snippet = chinese ? chineseSnippetOf : snippetOf;
  const minimum = chinese ? 1 : 2;
  return (query, limit = 6) => (query.trim().length < minimum ? [] : find(index, query, limit, language, snippet));
}

function find(index: MiniSearch<SearchSection>, query: string, limit: number, language: Language, snippet: typeof snippetOf): SearchHit[] {
  return index
    .search(query)
    .slice(0, limit)
    .map((hit) => {
      const [slug, headingId] = String(hit.id).split('#');
      return {
        href: `${pathInLanguage(`/chapters/${slug}`, language)}${headingId ? `#${headingId}` : ''}`,
        heading: hit.heading as string,
        chapter: hit.chapter as string,
        snippet: snippet(hit.text as string, hit.terms),
        terms: hit.terms,
      };
    });
}
