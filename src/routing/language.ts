/**
 * The book's two editions and their addresses. English lives at the root (`/chapters/06-lstm`), Chinese under
 * `/zh` (`/zh/chapters/06-lstm`); every other part of an address (query with figure settings, `#heading`) is
 * the same in both, and so are heading ids. Everything here is plain string work, safe in Node (tests,
 * pre-rendering) and in the browser; only the remembered choice touches `localStorage`.
 */
import { useEffect } from 'react';
import { usePath } from './router';

export type Language = 'en' | 'zh';

export const LANGUAGES: readonly Language[] = ['en', 'zh'];

/** What `<html lang>` says for each edition: Chinese is written in simplified characters. */
export const HTML_LANG: Record<Language, string> = { en: 'en', zh: 'zh-Hans' };

/** Each language's name in its own words, as the switch shows it. */
export const LANGUAGE_NAMES: Record<Language, string> = { en: 'English', zh: '中文' };

/** Where the reader's explicit choice of edition is kept. */
export const LANGUAGE_STORAGE_KEY = 'unrolled.language';

const CHINESE_PREFIX = '/zh';

/** The edition a path belongs to: `/zh` and everything under `/zh/` is Chinese, the rest English. */
export function languageOfPath(path: string): Language {
  return path === CHINESE_PREFIX || path.startsWith(`${CHINESE_PREFIX}/`) ? 'zh' : 'en';
}

/** The page a path shows, whatever the edition: `/zh/chapters/06-lstm` → `/chapters/06-lstm`, `/zh/` → `/`. */
export function pathWithoutLanguage(path: string): string {
  return languageOfPath(path) === 'zh' ? path.slice(CHINESE_PREFIX.length) || '/' : path;
}

/** The address of a page (`/`, `/chapters/06-lstm`, `/figures`) in one edition: `/zh/`, `/zh/chapters/06-lstm`. */
export function pathInLanguage(path: string, language: Language): string {
  const page = pathWithoutLanguage(path);
  return language === 'zh' ? `${CHINESE_PREFIX}${page}` : page;
}

/** A chapter's address in one edition. */
export const chapterPathIn = (slug: string, language: Language) => pathInLanguage(`/chapters/${slug}`, language);

/**
 * The same page in the other edition: `href` (absolute, or a path with query and hash) with its path moved
 * into `language`, keeping the query (figure settings) and the `#heading`. Returns a path, never an origin.
 */
export function switchLanguageHref(href: string, language: Language): string {
  const url = new URL(href, 'http://book.invalid');
  return `${pathInLanguage(url.pathname, language)}${url.search}${url.hash}`;
}

/** Whether a browser's preferred languages (`navigator.languages`, most preferred first) put Chinese before English. */
export function prefersChinese(preferred: readonly string[]): boolean {
  for (const tag of preferred) {
    const primary = tag.toLowerCase().split('-')[0];
    if (primary === 'zh') return true;
    if (primary === 'en') return false;
  }
  return false;
}

/** Reads a stored choice, tolerating garbage, a missing key and storage that throws (private modes). */
export function parseRememberedLanguage(stored: string | null): Language | null {
  return stored === 'en' || stored === 'zh' ? stored : null;
}

export function rememberedLanguage(): Language | null {
  try {
    return parseRememberedLanguage(localStorage.getItem(LANGUAGE_STORAGE_KEY));
  } catch {
    return null;
  }
}

export function rememberLanguage(language: Language): void {
  try {
    localStorage.setItem(LANGUAGE_STORAGE_KEY, language);
  } catch {
    // Storage full or forbidden: the address still says which edition the reader is in.
  }
}

/** The edition of the page on screen, from its address (so pre-rendering and hydration agree). */
export function useLanguage(): Language {
  return languageOfPath(usePath());
}

/**
 * Keeps `<html lang>` on the edition of the page on screen, for fonts, line breaking and screen readers. The
 * first paint already has it right (set by `index.html`'s inline script, or by pre-rendering).
 */
export function useDocumentLanguage(language: Language): void {
  useEffect(() => {
    document.documentElement.lang = HTML_LANG[language];
  }, [language]);
}
