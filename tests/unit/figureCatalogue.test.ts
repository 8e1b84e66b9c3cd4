/**
 * The figure catalogue against the registry and the chapters: every registered figure has a name and a
 * line and every entry is registered; the chapter index lists exactly the tags MDX compiles; book order
 * follows the chapters.
 */
import { compile } from '@mdx-js/mdx';
import { existsSync, readFileSync, statSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { componentTags, readChapterIndex } from '../../src/build/chapterIndex';
import { widgets } from '../../src/mdx/components';
import { chapterPicture, chaptersUsing, FIGURE_CATALOGUE, figuresInBookOrder, figureText, thumbnailPath, type FigureName } from '../../src/mdx/figureCatalogue';
import { mdxOptions } from '../../src/build/mdxPipeline';

const chapters = readChapterIndex('chapters');
const names = Object.keys(widgets) as FigureName[];

/** The capitalised JSX tags MDX itself finds in a chapter. */
async function compiledTags(source: string): Promise<Set<string>> {
  const tags = new Set<string>();
  const visit = (node: { type: string; name?: string | null; children?: unknown[] }) => {
    if ((node.type === 'mdxJsxFlowElement' || node.type === 'mdxJsxTextElement') && node.name && /^[A-Z]/.test(node.name)) tags.add(node.name);
    node.children?.forEach((child) => visit(child as typeof node));
  };
  await compile(source, { ...mdxOptions, remarkPlugins: [...mdxOptions.remarkPlugins, () => visit] });
  return tags;
}

describe('the figure catalogue', () => {
  it('has an entry for every registered figure, and registers every entry', () => {
    expect(Object.keys(FIGURE_CATALOGUE).sort()).toEqual([...names].sort());
  });

  it.each(names.map((name) => [name]))('%s has a human name, one line, and pictures under 20 KB in public/', (name) => {
    const { title, description } = figureText(name, 'en');
    expect(title).not.toBe(name);
    expect(title.length).toBeGreaterThan(3);
    expect(description).toMatch(/^\S.{20,150}\.$/);
    for (const theme of ['light', 'dark'] as const) {
      const file = `public${thumbnailPath(name, theme)}`;
      expect(existsSync(file), file).toBe(true);
      expect(statSync(file).size, file).toBeLessThanOrEqual(20_000);
    }
  });

  it('lists figures in book order, each once, starting with chapter 1’s first', () => {
    const order = figuresInBookOrder(chapters);
    expect([...order].sort()).toEqual([...names].sort());
    const firstChapter = (name: FigureName) => chapters.findIndex((c) => c.components.includes(name));
    for (let k = 1; k < order.length; k++) expect(firstChapter(order[k]), `${order[k - 1]} before ${order[k]}`).toBeGreaterThanOrEqual(firstChapter(order[k - 1]));
    expect(order[0]).toBe('ReadingRnn');
    expect(chaptersUsing(chapters, 'CellStepper').map((c) => c.number)).toEqual([2, 6, 7]);
  });

  it('pictures a chapter by its first figure that is more than a number', () => {
    const layers = chapters.find((c) => c.slug === '05-recurrent-layers')!;
    expect(layers.components.filter((tag) => tag in widgets)[0]).toBe('ParamCount');
    expect(chapterPicture(layers)).toBe('ShapeExplorer');
  });
});

describe('the chapter index', () => {
  it.each(chapters.map((c) => [c.slug, c]))('%s lists exactly the tags MDX compiles', async (slug, chapter) => {
    const tags = await compiledTags(readFileSync(`chapters/${slug}.mdx`, 'utf8'));
    expect(new Set(chapter.components)).toEqual(tags);
  });

  it('skips tags inside code', () => {
    expect(componentTags('<A />\n\n```ts\nconst x: List<B> = f<C>();\n```\n\n  ```\n<D>\n  ```\n\nSee `<E>` and <F x={1}>y</F> and <A />')).toEqual(['A', 'F']);
  });
});
