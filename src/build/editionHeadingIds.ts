/**
 * Heading ids shared between editions, so that `#anchors` carry over when a reader switches language: a rehype
 * plugin for the Chinese chapters (`chapters/zh/NN-slug.mdx`) that gives the n-th heading the id the n-th
 * heading of the English chapter gets. The English ids come from compiling the English file with the same
 * remark plugins and the same id-giving rehype plugins (rehype-slug), so they are exactly the ids of the
 * English page. The translation test already holds both files to the same sequence of heading depths; here a
 * difference stops the build, naming the chapter, rather than letting anchors silently point nowhere.
 */
import { compileSync, type CompileOptions } from '@mdx-js/mdx';
import { readFileSync } from 'node:fs';
import type { Plugin } from 'vite';

interface HastNode {
  type: string;
  tagName?: string;
  properties?: Record<string, unknown>;
  children?: HastNode[];
}

/** One heading as the comparison sees it: its level and id. */
export interface HeadingId {
  tag: string;
  id: string;
}

export interface EditionHeadingIdsOptions {
  /** The remark plugins of the book's pipeline. */
  remarkPlugins: NonNullable<CompileOptions['remarkPlugins']>;
  /** The rehype plugins that run before this one and give headings their ids (rehype-slug). */
  idPlugins: NonNullable<CompileOptions['rehypePlugins']>;
}

const CHINESE_CHAPTER = /([\\/])chapters[\\/]zh[\\/]([^\\/]+\.mdx)$/;

/** The English original of a Chinese chapter's path, or undefined for any other file. */
export function englishOriginalOf(path: string | undefined): string | undefined {
  return path && CHINESE_CHAPTER.test(path) ? path.replace(CHINESE_CHAPTER, '$1chapters$1$2') : undefined;
}

const isHeading = (node: HastNode) => node.type === 'element' && /^h[1-6]$/.test(node.tagName ?? '');

/** Every `h1`–`h6` element of a tree, in document order (the order rehype-slug numbers them in). */
export function headingElements(tree: HastNode): HastNode[] {
  const found: HastNode[] = [];
  const walk = (node: HastNode) => {
    if (isHeading(node)) found.push(node);
    node.children?.forEach(walk);
  };
  walk(tree);
  return found;
}

const englishCache = new Map<string, { source: string; headings: HeadingId[] }>();

/** The headings of an MDX source, with the ids the book's pipeline gives them (cached by file and text). */
export function headingIdsOf(path: string, source: string, options: EditionHeadingIdsOptions): HeadingId[] {
  const cached = englishCache.get(path);
  if (cached?.source === source) return cached.headings;
  let headings: HeadingId[] = [];
  const collect = () => (tree: HastNode) => {
    headings = headingElements(tree).map((node) => ({ tag: node.tagName!, id: String(node.properties?.id ?? '') }));
  };
  compileSync({ value: source, path }, { remarkPlugins: options.remarkPlugins, rehypePlugins: [...options.idPlugins, collect] });
  englishCache.set(path, { source, headings });
  return headings;
}

/** The rehype plugin: on a Chinese chapter, replaces each heading's id by the English heading's id. */
export function rehypeEditionHeadingIds(options: EditionHeadingIdsOptions) {
  return (tree: HastNode, file: { path?: string }) => {
    const englishPath = englishOriginalOf(file.path);
    if (!englishPath) return;
    const english = headingIdsOf(englishPath, readFileSync(englishPath, 'utf8'), options);
    const chinese = headingElements(tree);
    const chapter = englishPath.replace(/^.*[\\/]/, '');
    if (chinese.length !== english.length) {
      throw new Error(`chapters/zh/${chapter}: ${chinese.length} headings, but the English chapter has ${english.length}; heading ids are given by position`);
    }
    chinese.forEach((heading, i) => {
      if (heading.tagName !== english[i].tag) {
        throw new Error(`chapters/zh/${chapter}: heading ${i + 1} is an ${heading.tagName}, but an ${english[i].tag} in English`);
      }
      heading.properties = { ...heading.properties, id: english[i].id };
    });
  };
}

/**
 * In development, an edited English chapter may change the ids its Chinese edition borrows: recompile the
 * Chinese file along with it (the MDX plugin cannot know that one file reads the other).
 */
export function editionHeadingIdsPlugin(): Plugin {
  return {
    name: 'unrolled-edition-heading-ids',
    apply: 'serve',
    handleHotUpdate({ file, server, modules }) {
      const match = /^(.*[\\/]chapters)[\\/]([^\\/]+\.mdx)$/.exec(file);
      if (!match) return undefined;
      const chinese = server.moduleGraph.getModulesByFile(`${match[1]}/zh/${match[2]}`);
      return chinese ? [...modules, ...chinese] : undefined;
    },
  };
}
