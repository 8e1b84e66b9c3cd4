/**
 * What a page says about itself in the document's head: its title, its description and its canonical
 * address. The pre-render writes these into each built page and the client keeps `document.title` in step
 * when the reader moves between pages, both from this one function.
 */
import type { ChapterMeta } from '../build/chapterIndex';
import { figureText, isFigureName } from '../mdx/figureCatalogue';
import { i18n } from '../i18n/i18n';
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

/** The home page's head, and what a page without one of its own says. */
const homeHead = (language: Language) => {
  const t = i18n.getFixedT(language, 'home');
  return { title: t('headTitle'), description: t('headDescription') };
};

const notFound = (path: string, language: Language): PageHead => ({
  title: i18n.getFixedT(language, 'shell')('notFoundTitle'),
  description: homeHead(language).description,
  canonicalPath: path,
});

/**
 * The head of the page at `path` (with or without a trailing slash), in its edition (`/zh/...` is Chinese).
 */
export function pageHead(fullPath: string, chapters: readonly ChapterMeta[]): PageHead {
  const language = languageOfPath(fullPath);
  const path = pathWithoutLanguage(fullPath);
  const pageTitle = (title: string) => i18n.getFixedT(language, 'shell')('pageTitle', { title });
  if (path === '/' || path === '') return { ...homeHead(language), canonicalPath: pathInLanguage('/', language) };
  const slug = slugOfPath(path);
  if (slug !== null) {
    const chapter = chapters.find((candidate) => candidate.slug === slug);
    if (!chapter) return notFound(fullPath, language);
    const { title, summary } = chapterText(chapter, language);
    return { title: pageTitle(title), description: summary, canonicalPath: `${pathInLanguage(`/chapters/${slug}`, language)}/` };
  }
  const figure = figureOfPath(path);
  if (figure === null) {
    const t = i18n.getFixedT(language, 'figurePages');
    return { title: pageTitle(t('figures')), description: t('figuresLede'), canonicalPath: `${pathInLanguage('/figures', language)}/` };
  }
  if (figure !== undefined && isFigureName(figure)) {
    const { title, description } = figureText(figure, language);
    return { title: pageTitle(title), description, canonicalPath: `${pathInLanguage(`/figures/${figure}`, language)}/` };
  }
  return notFound(fullPath, language);
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
