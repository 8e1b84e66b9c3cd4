/**
 * Heading ids carry over between editions: every Chinese chapter, compiled by the book's own pipeline, gives
 * its headings exactly the ids of the English chapter's headings, in order, so `#anchors` work in both.
 */
import { compile } from '@mdx-js/mdx';
import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { resolve } from 'node:path';
import { describe, expect, it } from 'vitest';
import { englishOriginalOf, headingElements } from '../../src/build/editionHeadingIds';
import { mdxOptions } from '../../src/build/mdxPipeline';

/** The ids of a chapter's headings as the reader's page gets them, after every plugin has run. */
async function headingIds(path: string): Promise<string[]> {
  let ids: string[] = [];
  const collect = () => (tree: Parameters<typeof headingElements>[0]) => {
    ids = headingElements(tree).map((heading) => `${heading.tagName}#${String(heading.properties?.id)}`);
  };
  await compile({ value: readFileSync(path, 'utf8'), path }, { ...mdxOptions, rehypePlugins: [...mdxOptions.rehypePlugins, collect] });
  return ids;
}

const chinese = readdirSync('chapters/zh')
  .filter((file) => file.endsWith('.mdx') && existsSync(`chapters/${file}`))
  .sort();

describe('heading ids of the Chinese edition', () => {
  it('finds the English original of a Chinese chapter, and of nothing else', () => {
    expect(englishOriginalOf('/book/chapters/zh/06-lstm.mdx')).toBe('/book/chapters/06-lstm.mdx');
    expect(englishOriginalOf('C:\\book\\chapters\\zh\\06-lstm.mdx')).toBe('C:\\book\\chapters\\06-lstm.mdx');
    expect(englishOriginalOf('/book/chapters/06-lstm.mdx')).toBeUndefined();
    expect(englishOriginalOf(undefined)).toBeUndefined();
  });

  it('has Chinese chapters to check', () => expect(chinese.length).toBeGreaterThan(0));

  it.each(chinese)('%s: every heading has the id of the English heading in its place', async (file) => {
    const english = await headingIds(resolve('chapters', file));
    const translated = await headingIds(resolve('chapters/zh', file));
    expect(english.length).toBeGreaterThan(0);
    // English ids are made from English words: a Chinese one would mean the plugin did not run.
    expect(translated.filter((id) => /\p{Script=Han}/u.test(id))).toEqual([]);
    expect(translated).toEqual(english);
  });
});
