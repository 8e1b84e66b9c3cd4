/**
 * The Chinese edition cannot drift from the English one: for every `chapters/zh/NN-slug.mdx`, parsed with the
 * book's own remark plugins (front matter, GFM, math) plus remark-mdx, the Chinese file must have
 *   (a) the same JSX elements (figures, exercises, boxes) with the same props, as source text, in document order;
 *   (b) the same sequence of heading depths (heading ids are assigned by position from the English file);
 *   (c) the same math nodes, inline and block, with exactly the same TeX: section by section (a section runs from
 *       one heading to the next), so that a sentence may put its formulas in the order Chinese reads best;
 *   (d) the same number of code blocks, with the same languages, in the same order;
 *   (e) a non-empty title and summary in its front matter;
 *   (f) the same links to other chapters and anchors, section by section, pointing into the Chinese edition
 *       (`/zh/chapters/...`).
 * A difference fails with the chapter and the first place the two files disagree.
 * English chapters without a Chinese file yet are skipped; a Chinese file without an English one fails.
 */
import { existsSync, readdirSync, readFileSync } from 'node:fs';
import remarkMdx from 'remark-mdx';
import remarkParse from 'remark-parse';
import { unified } from 'unified';
import { describe, expect, it } from 'vitest';
import { parse as parseYaml } from 'yaml';
import { mdxOptions } from '../../src/build/mdxPipeline';

interface MdNode {
  type: string;
  name?: string | null;
  depth?: number;
  lang?: string | null;
  value?: string;
  url?: string;
  attributes?: MdAttribute[];
  children?: MdNode[];
  position?: { start: { line: number } };
}

interface MdAttribute {
  type: 'mdxJsxAttribute' | 'mdxJsxExpressionAttribute';
  name?: string;
  value?: string | { value: string } | null;
}

/** What one edition of a chapter looks like to the comparison: each list in document order, each entry with its line. */
interface Structure {
  elements: Entry[];
  headings: Entry[];
  math: Entry[];
  code: Entry[];
  links: Entry[];
}

interface Entry {
  text: string;
  line: number;
  /** How many headings come before it: the section it belongs to (0 before the first heading). */
  section: number;
}

const processor = unified()
  .use(remarkParse)
  .use(remarkMdx)
  .use(mdxOptions.remarkPlugins as never);

/** An attribute as it reads in the source: `kind="gru"`, `answer={0.5}`, `{...props}`, or a bare `open`. */
function attributeText(attribute: MdAttribute): string {
  if (attribute.type === 'mdxJsxExpressionAttribute') return `{${String(attribute.value)}}`;
  const value = attribute.value;
  if (value === null || value === undefined) return attribute.name!;
  if (typeof value === 'string') return `${attribute.name}=${JSON.stringify(value)}`;
  return `${attribute.name}={${value.value}}`;
}

function structureOf(source: string): Structure {
  const tree = processor.runSync(processor.parse(source)) as MdNode;
  const found: Structure = { elements: [], headings: [], math: [], code: [], links: [] };
  let section = 0;
  const visit = (node: MdNode) => {
    const line = node.position?.start.line ?? 0;
    const at = (text: string): Entry => ({ text, line, section });
    if ((node.type === 'mdxJsxFlowElement' || node.type === 'mdxJsxTextElement') && node.name) {
      const props = (node.attributes ?? []).map(attributeText);
      found.elements.push(at(`<${[node.name, ...props].join(' ')}>`));
    } else if (node.type === 'heading') {
      section++;
      found.headings.push(at(`h${node.depth}`));
    } else if (node.type === 'math' || node.type === 'inlineMath') {
      const [open, close] = node.type === 'math' ? ['$$', '$$'] : ['$', '$'];
      found.math.push(at(`${open}${node.value}${close}`));
    } else if (node.type === 'code') {
      found.code.push(at(`\`\`\`${node.lang ?? '(no language)'}`));
    } else if (node.type === 'link' && node.url && (node.url.startsWith('/') || node.url.startsWith('#'))) {
      found.links.push(at(node.url));
    }
    node.children?.forEach(visit);
  };
  visit(tree);
  return found;
}

function frontMatter(source: string): Record<string, unknown> {
  const front = /^---\n([\s\S]*?)\n---/.exec(source);
  return (front ? parseYaml(front[1]) : {}) as Record<string, unknown>;
}

/** The English link as the Chinese edition should write it: chapter links gain the `/zh` prefix, anchors stay. */
const chineseLink = (url: string) => (url.startsWith('/chapters/') ? `/zh${url}` : url);

/**
 * The first disagreement between two lists, in words, or undefined when they agree. `what` names one entry
 * ("figure", "heading", ...); entries are numbered from 1 as a reader would count them.
 */
function firstDifference(what: string, english: Entry[], chinese: Entry[]): string | undefined {
  const length = Math.max(english.length, chinese.length);
  for (let i = 0; i < length; i++) {
    const en = english[i];
    const zh = chinese[i];
    if (en && zh && en.text === zh.text) continue;
    if (!zh) return `${what} ${i + 1} is ${en!.text} in English (line ${en!.line}) but missing in Chinese (Chinese has ${chinese.length}, English ${english.length})`;
    if (!en) return `${what} ${i + 1} is ${zh.text} in Chinese (line ${zh.line}) but missing in English (Chinese has ${chinese.length}, English ${english.length})`;
    return `${what} ${i + 1} is ${en.text} in English (line ${en.line}) but ${zh.text} in Chinese (line ${zh.line})`;
  }
  return undefined;
}

/**
 * Like firstDifference, but the order inside a section is free: the first section whose entries differ as a
 * multiset, naming an entry one edition has more often than the other.
 */
function firstSectionDifference(what: string, english: Entry[], chinese: Entry[]): string | undefined {
  const sections = Math.max(0, ...english.map((e) => e.section), ...chinese.map((e) => e.section));
  for (let section = 0; section <= sections; section++) {
    const en = english.filter((e) => e.section === section);
    const zh = chinese.filter((e) => e.section === section);
    const count = (entries: Entry[], text: string) => entries.filter((e) => e.text === text).length;
    const where = section === 0 ? 'before the first heading' : `in section ${section} (after heading ${section})`;
    for (const entry of [...en, ...zh]) {
      const inEnglish = count(en, entry.text);
      const inChinese = count(zh, entry.text);
      if (inEnglish === inChinese) continue;
      const line = (entries: Entry[]) => entries.find((e) => e.text === entry.text)?.line;
      return (
        `${what} ${entry.text} ${where} occurs ${inEnglish} time(s) in English` +
        (inEnglish ? ` (first at line ${line(en)})` : '') +
        ` but ${inChinese} in Chinese` +
        (inChinese ? ` (first at line ${line(zh)})` : '')
      );
    }
  }
  return undefined;
}

const ENGLISH_DIR = 'chapters';
const CHINESE_DIR = 'chapters/zh';
const chineseFiles = existsSync(CHINESE_DIR)
  ? readdirSync(CHINESE_DIR)
      .filter((file) => file.endsWith('.mdx'))
      .sort()
  : [];

describe('Chinese chapters', () => {
  it('each have an English original', () => {
    const orphans = chineseFiles.filter((file) => !existsSync(`${ENGLISH_DIR}/${file}`));
    expect(orphans, `Chinese chapters in ${CHINESE_DIR} with no English file of the same name in ${ENGLISH_DIR}`).toEqual([]);
  });

  const pairs = chineseFiles.filter((file) => existsSync(`${ENGLISH_DIR}/${file}`)).map((file) => [file.replace(/\.mdx$/, ''), file]);

  it.skipIf(pairs.length === 0).each(pairs)('%s has the structure of the English chapter', (slug, file) => {
    const englishSource = readFileSync(`${ENGLISH_DIR}/${file}`, 'utf8');
    const chineseSource = readFileSync(`${CHINESE_DIR}/${file}`, 'utf8');

    const front = frontMatter(chineseSource);
    for (const field of ['title', 'summary']) {
      const value = front[field];
      expect(typeof value === 'string' && value.trim().length > 0, `${slug}: the Chinese front matter needs a non-empty "${field}"`).toBe(true);
    }

    const en = structureOf(englishSource);
    const zh = structureOf(chineseSource);
    const expectedLinks = en.links.map((entry) => ({ ...entry, text: chineseLink(entry.text) }));
    const differences = [
      firstDifference('figure', en.elements, zh.elements),
      firstDifference('heading', en.headings, zh.headings),
      firstSectionDifference('math', en.math, zh.math),
      firstDifference('code block', en.code, zh.code),
      firstSectionDifference('link', expectedLinks, zh.links),
    ].filter((difference): difference is string => difference !== undefined);
    expect(differences.map((difference) => `${slug}: ${difference}`)).toEqual([]);
  });
});
