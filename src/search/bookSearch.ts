/** The book's own search, over the sections written at build time; its own chunk, loaded on first use. */
import sections from 'virtual:search-index';
import { buildSearch } from './searchEngine';

export const search = buildSearch(sections);
