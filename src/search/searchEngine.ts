/**
 * Full-text search over the book's sections with MiniSearch: prefix and typo-tolerant matching, headings
 * weighted above body text, figures found by the words of their names.
 */
import MiniSearch from 'minisearch';
import type { SearchSection } from '../build/searchIndex';

/** One hit as the search box lists it. */
export interface SearchHit {
  /** Where it goes: `/chapters/<slug>#<heading id>`. */
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

/** A search over `sections`: the best `limit` of them for `query` (none for a query under two characters). */
export function buildSearch(sections: readonly SearchSection[]): (query: string, limit?: number) => SearchHit[] {
  const index = new MiniSearch<SearchSection>({
    fields: ['heading', 'text', 'figureNames'],
    storeFields: ['slug', 'heading', 'chapter', 'text'],
    extractField: (section, field) => (field === 'figureNames' ? section.figures.map(words).join(' ') : String(section[field as keyof SearchSection])),
    searchOptions: { boost: { heading: 3, figureNames: 2 }, prefix: true, fuzzy: 0.2, combineWith: 'AND' },
  });
  index.addAll(sections);
  return (query, limit = 6) => (query.trim().length < 2 ? [] : find(index, query, limit));
}

function find(index: MiniSearch<SearchSection>, query: string, limit: number): SearchHit[] {
  return index
    .search(query)
    .slice(0, limit)
    .map((hit) => {
      const [slug, headingId] = String(hit.id).split('#');
      return {
        href: `/chapters/${slug}${headingId ? `#${headingId}` : ''}`,
        heading: hit.heading as string,
        chapter: hit.chapter as string,
        snippet: snippetOf(hit.text as string, hit.terms),
        terms: hit.terms,
      };
    });
}
