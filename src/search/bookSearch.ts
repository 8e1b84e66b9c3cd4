/** The book's own search over one edition's sections, written at build time; each index its own chunk, loaded on first use. */
import type { Language } from '../routing/language';
import { buildSearch } from './searchEngine';

const indexes = {
  en: () => import('virtual:search-index/en'),
  zh: () => import('virtual:search-index/zh'),
} satisfies Record<Language, unknown>;

/** The search of one edition, once its index has arrived. */
export async function loadSearch(language: Language) {
  const { default: sections } = await indexes[language]();
  return buildSearch(sections, language);
}
