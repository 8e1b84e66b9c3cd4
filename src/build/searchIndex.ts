/**
 * Build-time search documents: every chapter cut at its headings into sections (heading, id, plain text,
 * the figures it holds), compiled with the book's own MDX pipeline so that each section's id is the id
 * the page gives its heading. One index per edition, served as the virtual modules `virtual:search-index/en`
 * and `virtual:search-index/zh`; the search box builds its index from its page's edition in the browser, on
 * first use, so the book searches offline and from any static host.
 */
import { compile } from '@mdx-js/mdx';
import { readFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import type { Plugin } from 'vite';
import { LANGUAGES, type Language } from '../routing/language';
import { readChapterIndex } from './chapterIndex';
import { mdxOptions } from './mdxPipeline';

/** One searchable section of a chapter: from a heading to the next one. */
export interface SearchSection {
  /** `<slug>#<heading id>`, or the slug alone for the chapter's opening before its first heading. */
  id: string;
  slug: string;
  chapter: string;
  heading: string;
  text: string;
  /** Figure tags in the section, e.g. `CellStepper`, so a figure's name finds where it is used. */
  figures: string[];
}

interface HastNode {
  type: string;
  tagName?: string;
  name?: string | null;
  value?: string;
  properties?: Record<string, unknown>;
  children?: HastNode[];
}

const HEADING = /^h[2-4]$/;
const classesOf = (node: HastNode) => (Array.isArray(node.properties?.className) ? (node.properties.className as string[]) : []);

const TEX_SYMBOLS: Record<string, string> = {
  alpha: 'α', beta: 'β', gamma: 'γ', delta: 'δ', epsilon: 'ε', eta: 'η', theta: 'θ', lambda: 'λ', mu: 'μ', rho: 'ρ',
  sigma: 'σ', tau: 'τ', phi: 'φ', odot: '⊙', otimes: '⊗', cdot: '·', times: '×', top: 'ᵀ', in: '∈', approx: '≈',
  le: '≤', leq: '≤', ge: '≥', geq: '≥', ne: '≠', neq: '≠', to: '→', rightarrow: '→', infty: '∞', partial: '∂', sum: 'Σ',
  prod: 'Π', sqrt: '√', dots: '…', ldots: '…', cdots: '⋯', lvert: '|', rvert: '|', mid: '|', prime: '′', nabla: '∇',
};

/** TeX as a reader scans it in a snippet: "\\mathbf W_{hh}^\\top" → "W_hhᵀ", "\\sigma(0)" → "σ(0)". */
export function readableTex(tex: string): string {
  return tex
    .replace(/\\(begin|end)\{[a-z*]+\}/g, ' ')
    .replace(/\\\\/g, ';')
    .replace(/\\(mathbf|mathrm|boldsymbol|mathcal|mathbb|operatorname|text|texttt|left|right|big|Big|bigl|bigr)\b/g, '')
    .replace(/\\([A-Za-z]+)/g, (whole, name: string) => TEX_SYMBOLS[name] ?? (/^[A-Z]?[a-z]+$/.test(name) && name.length > 1 ? name : whole))
    .replace(/\\[,;:! ]/g, ' ')
    .replace(/\^\{?ᵀ\}?/g, 'ᵀ')
    .replace(/[{}]/g, '')
    .replace(/\s+/g, ' ')
    .replace(/([([]) /g, '$1')
    .trim();
}

/** Rendered math as its TeX source (KaTeX keeps it in an annotation), so a snippet reads "h_t" where the page shows hₜ. */
function texOf(node: HastNode): string | null {
  if (node.type === 'element' && node.tagName === 'annotation') return (node.children ?? []).map((c) => c.value ?? '').join('');
  for (const child of node.children ?? []) {
    const tex = texOf(child);
    if (tex !== null) return tex;
  }
  return null;
}

function textOf(node: HastNode): string {
  if (node.type === 'text') return node.value ?? '';
  if (classesOf(node).includes('katex')) return readableTex(texOf(node) ?? '');
  return (node.children ?? []).map(textOf).join('');
}

/** Splits a compiled chapter (hast) into sections at its h2–h4 headings. */
function sectionsOf(tree: HastNode, slug: string, chapter: string): SearchSection[] {
  const sections: SearchSection[] = [{ id: slug, slug, chapter, heading: chapter, text: '', figures: [] }];
  const visit = (node: HastNode) => {
    const current = sections[sections.length - 1];
    if (node.type === 'element' && HEADING.test(node.tagName ?? '') && typeof node.properties?.id === 'string') {
      sections.push({ id: `${slug}#${node.properties.id}`, slug, chapter, heading: textOf(node).trim(), text: '', figures: [] });
      return;
    }
    if ((node.type === 'mdxJsxFlowElement' || node.type === 'mdxJsxTextElement') && node.name && /^[A-Z]/.test(node.name)) {
      if (!current.figures.includes(node.name)) current.figures.push(node.name);
    }
    if (node.type === 'text') {
      current.text += node.value ?? '';
      return;
    }
    if (node.type === 'element' && node.tagName === 'h1') return;
    // Display equations are left out (a reader searches prose); inline math reads as its TeX.
    if (classesOf(node).includes('katex-display')) return;
    if (classesOf(node).includes('katex')) {
      current.text += readableTex(texOf(node) ?? '');
      return;
    }
    node.children?.forEach(visit);
    if (node.type === 'element' && /^(p|li|td|th|pre)$/.test(node.tagName ?? '')) current.text += ' ';
  };
  visit(tree);
  return sections.map((s) => ({ ...s, text: s.text.replace(/\s+/g, ' ').trim() })).filter((s) => s.text || s.figures.length);
}

/** Where a chapter's source is in one edition: `chapters/06-lstm.mdx`, `chapters/zh/06-lstm.mdx`. */
const sourceOf = (dir: string, slug: string, language: Language) => join(resolve(dir), ...(language === 'zh' ? ['zh'] : []), `${slug}.mdx`);

/** Every chapter of one edition in `dir` as search sections, in reading order (a Chinese index has the translated chapters). */
export async function readSearchSections(dir: string, language: Language = 'en'): Promise<SearchSection[]> {
  const all: SearchSection[] = [];
  for (const chapter of readChapterIndex(dir)) {
    if (language === 'zh' && !chapter.zh) continue;
    let tree: HastNode | undefined;
    const capture = () => (root: HastNode) => {
      tree = root;
    };
    // The path lets the pipeline give a Chinese chapter's headings their English ids, as on the page.
    const path = sourceOf(dir, chapter.slug, language);
    await compile({ value: readFileSync(path, 'utf8'), path }, { ...mdxOptions, rehypePlugins: [...mdxOptions.rehypePlugins, capture] });
    if (tree) all.push(...sectionsOf(tree, chapter.slug, (language === 'zh' ? chapter.zh?.title : undefined) ?? chapter.title));
  }
  return all;
}

const VIRTUAL_PREFIX = 'virtual:search-index/';

/** Vite plugin serving `virtual:search-index/<language>`; in the dev server it is rebuilt when a chapter changes. */
export function searchIndexPlugin(dir = resolve('chapters')): Plugin {
  return {
    name: 'unrolled-search-index',
    resolveId: (id) => (id.startsWith(VIRTUAL_PREFIX) ? `\0${id}` : undefined),
    async load(id) {
      const language = id.startsWith(`\0${VIRTUAL_PREFIX}`) ? id.slice(VIRTUAL_PREFIX.length + 1) : undefined;
      if (!language) return undefined;
      if (!(LANGUAGES as readonly string[]).includes(language)) throw new Error(`no search index for the language "${language}"`);
      const sections = await readSearchSections(dir, language as Language);
      for (const slug of new Set(sections.map((s) => s.slug))) this.addWatchFile(sourceOf(dir, slug, language as Language));
      return `export default ${JSON.stringify(sections)};`;
    },
  };
}
