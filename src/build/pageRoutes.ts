/**
 * Every page the build writes, and the file each lands in. This layout is a contract with whatever serves
 * or caches the book (a static host, the offline cache): `index.html`, `chapters/<slug>/index.html`,
 * `figures/index.html`, `figures/<Name>/index.html` and `404.html`.
 */
import type { ChapterMeta } from './chapterIndex';

export interface PageRoute {
  /** the path the page is rendered for, e.g. `/chapters/04-bptt/` */
  path: string;
  /** where it is written, relative to `dist/`, e.g. `chapters/04-bptt/index.html` */
  file: string;
}

/** The path the not-found page is rendered for: no page of the book lives there. */
export const NOT_FOUND_PATH = '/404';

/**
 * Home, each chapter (the appendix included), the figures gallery, each figure's page and the 404 page;
 * and the Chinese edition's home and each translated chapter under `zh/`.
 */
export function pageRoutes(chapters: readonly ChapterMeta[], figureNames: readonly string[]): PageRoute[] {
  return [
    { path: '/', file: 'index.html' },
    ...chapters.map(({ slug }) => ({ path: `/chapters/${slug}/`, file: `chapters/${slug}/index.html` })),
    { path: '/zh/', file: 'zh/index.html' },
    ...chapters.filter((chapter) => chapter.zh).map(({ slug }) => ({ path: `/zh/chapters/${slug}/`, file: `zh/chapters/${slug}/index.html` })),
    { path: '/figures/', file: 'figures/index.html' },
    ...figureNames.map((name) => ({ path: `/figures/${name}/`, file: `figures/${name}/index.html` })),
    { path: '/zh/figures/', file: 'zh/figures/index.html' },
    ...figureNames.map((name) => ({ path: `/zh/figures/${name}/`, file: `zh/figures/${name}/index.html` })),
    { path: NOT_FOUND_PATH, file: '404.html' },
  ];
}
