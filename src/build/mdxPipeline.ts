/**
 * The one MDX pipeline, shared by the Vite build and the chapter-content test, so that what the test
 * checks is exactly what the reader gets: front matter stripped, GitHub tables, math and code highlighting
 * rendered to HTML at build time (KaTeX, highlight.js), and every heading given a stable id: from its words in
 * English, and in the Chinese edition the id of the English heading in the same place.
 */
import type { CompileOptions } from '@mdx-js/mdx';
import type { KatexOptions } from 'katex';
import rehypeHighlight from 'rehype-highlight';
import rehypeKatex from 'rehype-katex';
import rehypeSlug from 'rehype-slug';
import remarkFrontmatter from 'remark-frontmatter';
import remarkGfm from 'remark-gfm';
import remarkMath from 'remark-math';
import { rehypeEditionHeadingIds, type EditionHeadingIdsOptions } from './editionHeadingIds.ts';
import { remarkFigureInstances } from './remarkFigureInstances';

const remarkPlugins = [remarkFrontmatter, remarkGfm, remarkMath, remarkFigureInstances] satisfies CompileOptions['remarkPlugins'];
const headingIds: EditionHeadingIdsOptions = { remarkPlugins, idPlugins: [rehypeSlug] };

/**
 * KaTeX as the build runs it, shared with the structure test that renders the Chinese edition's math. Chinese
 * inside `\text{}` is text mode, which KaTeX accepts under any `strict` setting; `strict: 'ignore'` keeps the
 * build quiet about KaTeX's LaTeX-compatibility warnings (unicode outside `\text`, for one). A formula KaTeX
 * cannot parse renders as a marked error, which the content test counts.
 */
export const katexOptions = { throwOnError: false, strict: 'ignore' } satisfies KatexOptions;

export const mdxOptions = {
  remarkPlugins,
  rehypePlugins: [
    rehypeSlug,
    [rehypeEditionHeadingIds, headingIds],
    [rehypeKatex, katexOptions],
    rehypeHighlight,
  ],
  providerImportSource: '@mdx-js/react',
} satisfies CompileOptions;
