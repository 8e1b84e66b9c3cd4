/**
 * The book's content rules, checked on every chapter with the same MDX pipeline the build uses:
 * it compiles, has a title and summary, uses only registered components, renders all its math,
 * gives every heading an id, and links only to chapters and headings that exist.
 */
import { compile } from '@mdx-js/mdx';
import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { readChapterIndex } from '../../src/build/chapterIndex';
import { mdxComponents } from '../../src/mdx/components';
import { mdxOptions } from '../../src/build/mdxPipeline';

interface HastNode {
  type: string;
  tagName?: string;
  name?: string | null;
  properties?: Record<string, unknown>;
  children?: HastNode[];
}

interface Findings {
  tags: Set<string>;
  ids: Set<string>;
  headingsWithoutId: string[];
  katexErrors: number;
  links: string[];
}

function walk(node: HastNode, visit: (node: HastNode) => void) {
  visit(node);
  node.children?.forEach((child) => walk(child, visit));
}

const textOf = (node: HastNode): string =>
  node.type === 'text' ? String((node as { value?: string }).value) : (node.children ?? []).map(textOf).join('');

async function inspect(source: string): Promise<Findings> {
  const found: Findings = { tags: new Set(), ids: new Set(), headingsWithoutId: [], katexErrors: 0, links: [] };
  const collect = () => (tree: HastNode) =>
    walk(tree, (node) => {
      if ((node.type === 'mdxJsxFlowElement' || node.type === 'mdxJsxTextElement') && node.name) found.tags.add(node.name);
      if (node.type !== 'element') return;
      const id = node.properties?.id;
      if (typeof id === 'string') found.ids.add(id);
      if (/^h[1-6]$/.test(node.tagName!) && node.tagName !== 'h1' && typeof id !== 'string') found.headingsWithoutId.push(textOf(node));
      const classes = node.properties?.className;
      if (Array.isArray(classes) && classes.includes('katex-error')) found.katexErrors++;
      if (node.tagName === 'a' && typeof node.properties?.href === 'string') found.links.push(node.properties.href);
    });
  await compile(source, { ...mdxOptions, rehypePlugins: [...mdxOptions.rehypePlugins, collect] });
  return found;
}

const chapters = readChapterIndex('chapters');
const sources = new Map(chapters.map((c) => [c.slug, readFileSync(`chapters/${c.slug}.mdx`, 'utf8')]));

describe('chapters', () => {
  it('exist, numbered without gaps or repeats', () => {
    expect(chapters.length).toBeGreaterThan(0);
    const numbers = chapters.map((c) => c.number);
    expect(new Set(numbers).size).toBe(numbers.length);
  });

  it.each(chapters.map((c) => [c.slug, c]))('%s follows the content rules', async (slug, chapter) => {
    expect(chapter.title.length).toBeGreaterThan(3);
    expect(chapter.summary.length).toBeGreaterThan(10);
    const found = await inspect(sources.get(slug)!);
    const unknown = [...found.tags].filter((tag) => /^[A-Z]/.test(tag) && !(tag in mdxComponents));
    expect(unknown, 'components not in src/mdx/components.tsx').toEqual([]);
    expect(found.katexErrors, 'math that KaTeX could not render').toBe(0);
    expect(found.headingsWithoutId).toEqual([]);
    for (const href of found.links.filter((h) => h.startsWith('/') || h.startsWith('#'))) {
      const [path, hash] = href.split('#');
      const target = path === '' ? slug : /^\/chapters\/([a-z0-9-]+)$/.exec(path)?.[1];
      expect(path === '/' || (target !== undefined && sources.has(target)), `link ${href}`).toBe(true);
      if (hash && target) expect((await inspect(sources.get(target)!)).ids.has(hash), `anchor ${href}`).toBe(true);
    }
  });
});
