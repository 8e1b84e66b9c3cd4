/**
 * The one MDX pipeline, shared by the Vite build and the chapter-content test, so that what the test
 * checks is exactly what the reader gets: front matter stripped, GitHub tables, math and code highlighting
 * rendered to HTML at build time (KaTeX, highlight.js), and every heading given a stable id.
 */
import type { CompileOptions } from '@mdx-js/mdx';
import rehypeHighlight from 'rehype-highlight';
import rehypeKatex from 'rehype-katex';
import rehypeSlug from 'rehype-slug';
import remarkFrontmatter from 'remark-frontmatter';
import remarkGfm from 'remark-gfm';
import remarkMath from 'remark-math';
import { remarkFigureInstances } from './remarkFigureInstances';

export const mdxOptions = {
  remarkPlugins: [remarkFrontmatter, remarkGfm, remarkMath, remarkFigureInstances],
  rehypePlugins: [rehypeSlug, [rehypeKatex, { throwOnError: false, strict: 'ignore' }], rehypeHighlight],
  providerImportSource: '@mdx-js/react',
} satisfies CompileOptions;
