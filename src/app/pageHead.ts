/**
 * What a page says about itself in the document's head: its title, its description and its canonical
 * address. The pre-render writes these into each built page and the client keeps `document.title` in step
 * when the reader moves between pages, both from this one function.
 */
import type { ChapterMeta } from '../build/chapterIndex';
import { FIGURE_CATALOGUE, isFigureName } from '../mdx/figureCatalogue';
import { chapterText } from '../i18n/chapterText';
import { languageOfPath, pathInLanguage, pathWithoutLanguage, type Language } from '../routing/language';
import { figureOfPath, slugOfPath } from '../routing/router';

export interface PageHead {
  /** e.g. "Backpropagation through time — Unrolled" */
  title: string;
  /** one or two sentences: a chapter's summary, a figure's description */
  description: string;
  /** where the page lives, with the trailing slash a static host serves it under, e.g. `/chapters/04-bptt/` */
  canonicalPath: string;
}

const BOOK = 'Unrolled';
export const BOOK_DESCRIPTION = 'Unrolled: an interactive textbook on recurrent neural networks, running in your browser.';
const HOME: Record<Language, { title: string; description: string }> = {
  en: { title: 'Unrolled — recurrent neural networks, by touching them', description: BOOK_DESCRIPTION },
  zh: { title: 'Unrolled — 动手摸一摸循环神经网络', description: 'Unrolled：一本在浏览器里运行的循环神经网络交互式教材。' },
};

const notFound = (path: string): PageHead => ({ title: `Page not found — ${BOOK}`, description: BOOK_DESCRIPTION, canonicalPath: path });

/**
 * The head of the page at `path` (with or without a trailing slash), in its edition: the Chinese home and
 * chapters under `/zh/` have their own; a figure's page is the English one in either edition.
 */
export function pageHead(fullPath: string, chapters: readonly ChapterMeta[]): PageHead {
  const language = languageOfPath(fullPath);
  const path = pathWithoutLanguage(fullPath);
  if (path === '/' || path === '') return { ...HOME[language], canonicalPath: pathInLanguage('/', language) };
  const slug = slugOfPath(path);
  if (slug !== null) {
    const chapter = chapters.find((candidate) => candidate.slug === slug);
    if (!chapter) return notFound(fullPath);
    const { title, summary } = chapterText(chapter, language);
    return { title: `${title} — ${BOOK}`, description: summary, canonicalPath: `${pathInLanguage(`/chapters/${slug}`, language)}/` };
  }
  const figure = figureOfPath(path);
  if (figure === null) {
    return { title: `Figures — ${BOOK}`, description: 'Every interactive figure of the book, in the order the chapters show them, each on a page of its own.', canonicalPath: '/figures/' };
  }
  if (figure !== undefined && isFigureName(figure)) {
    const { title, description } = FIGURE_CATALOGUE[figure];
    return { title: `${title} — ${BOOK}`, description, canonicalPath: `/figures/${figure}/` };
  }
  return notFound(path);
}

/** Escapes text for an HTML attribute or element body. */
export const escapeHtml = (text: string): string =>
  text.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;').replace(/"/g, '&quot;').replace(/'/g, '&#39;');

/**
 * The head's title, description and canonical link as HTML. `origin` (e.g. `https://unrolled.example`, no
 * trailing slash) makes the canonical link absolute; without one it is a path, valid on whatever host serves
 * the book.
 */
export function headTags(head: PageHead, origin = ''): string {
  const canonical = `${origin.replace(/\/+$/, '')}${head.canonicalPath}`;
  return [
    `<title>${escapeHtml(head.title)}</title>`,
    `<meta name="description" content="${escapeHtml(head.description)}" />`,
    `<link rel="canonical" href="${escapeHtml(canonical)}" />`,
  ].join('\n    ');
}
