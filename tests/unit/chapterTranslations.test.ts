/**
 * The Chinese edition cannot drift from the English one: every `chapters/zh/NN-slug.mdx` must have the English
 * chapter's structure (the rules are spelled out in ./chapterStructure.ts: the same figures and props, with
 * exercise choices and box titles free to be translated; headings; math up to the words in `\text{}`; code
 * blocks; chapter links), a non-empty title and summary in its front matter, and math that KaTeX renders with
 * the build's options. A difference fails with the chapter and the first place the two files disagree.
 * English chapters without a Chinese file yet are skipped; a Chinese file without an English one fails.
 */
import katex from 'katex';
import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { parse as parseYaml } from 'yaml';
import { katexOptions } from '../../src/build/mdxPipeline';
import { blankTextGroups, chapterDifferences, readsAsEnglish, structureOf } from './chapterStructure';

function frontMatter(source: string): Record<string, unknown> {
  const front = /^---\n([\s\S]*?)\n---/.exec(source);
  return (front ? parseYaml(front[1]) : {}) as Record<string, unknown>;
}

/** The first formula KaTeX refuses, with its line and KaTeX's reason, or undefined when all render. */
function firstUnrenderableMath(source: string): string | undefined {
  for (const entry of structureOf(source).math) {
    const displayMode = entry.text.startsWith('$$');
    const tex = entry.text.slice(displayMode ? 2 : 1, displayMode ? -2 : -1);
    try {
      katex.renderToString(tex, { ...katexOptions, displayMode, throwOnError: true });
    } catch (error) {
      return `math at line ${entry.line} does not render: ${(error as Error).message}`;
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

    const differences = [...chapterDifferences(englishSource, chineseSource), firstUnrenderableMath(chineseSource)];
    expect(differences.filter(Boolean).map((difference) => `${slug}: ${difference}`)).toEqual([]);
  });
});

describe('the structure comparison', () => {
  const english = [
    '## Gates',
    '',
    '$$\\mathbf i_t = \\sigma(\\mathbf a_t) \\quad \\text{input gate}$$',
    '',
    '<FromTheNotes title="the circle is the elementwise product">',
    '',
    'Text.',
    '',
    '</FromTheNotes>',
    '',
    '<Exercise id="gate" choices={["the input gate i", "the forget gate f", "nn.LSTM"]} answer={1}>',
    '',
    'Which gate?',
    '',
    '</Exercise>',
    '',
  ].join('\n');
  const chinese = english
    .replace('## Gates', '## 门')
    .replace('\\text{input gate}', '\\text{输入门}')
    .replace('title="the circle is the elementwise product"', 'title="圆圈表示按元素乘法"')
    .replace('"the input gate i", "the forget gate f"', '"输入门 i", "遗忘门 f"')
    .replace('Which gate?', '哪个门？');

  it('lets choices, box titles and words in \\text be translated, and code-only choices stay', () => {
    expect(chapterDifferences(english, chinese)).toEqual([]);
  });

  it.each([
    ['a missing choice', chinese.replace(', "nn.LSTM"]', ']'), /figure 2 .*choices=\{3 choices\}.* but .*choices=\{2 choices\}/],
    ['a changed answer', chinese.replace('answer={1}', 'answer={0}'), /figure 2 .*answer=\{1\}.* but .*answer=\{0\}/],
    ['a changed id', chinese.replace('id="gate"', 'id="gates"'), /figure 2 .*id="gate" .* but .*id="gates"/],
    ['changed TeX outside \\text', chinese.replace('\\sigma(', '\\tanh('), /^math .*\\sigma/],
    ['a choice left in English', chinese.replace('"遗忘门 f"', '"the forget gate f"'), /choices entry 2 is still the English "the forget gate f"/],
    ['an empty choice', chinese.replace('"输入门 i"', '" "'), /choices entry 1 is empty/],
    ['an empty box title', chinese.replace('title="圆圈表示按元素乘法"', 'title=""'), /figure 1 .* title is empty/],
    ['a missing box title', chinese.replace(' title="圆圈表示按元素乘法"', ''), /figure 1 is <FromTheNotes title=\(translated\)[^>]*> in English .* but <FromTheNotes(?! title)[^>]*> in Chinese/],
  ])('fails on %s', (_, drifted, message) => {
    const differences = chapterDifferences(english, drifted);
    expect(differences).toHaveLength(1);
    expect(differences[0]).toMatch(message);
  });

  it('blanks only the words of text-mode groups, braces and escapes included', () => {
    expect(blankTextGroups('a_{\\text{in}} + \\text{num\\_layers} \\cdot \\mbox{x {y} z} + \\texttt{Linear}')).toBe(
      'a_{\\text{}} + \\text{} \\cdot \\mbox{} + \\texttt{Linear}',
    );
  });

  it('tells English words from code names, acronyms and shapes', () => {
    expect(['Both', "Adam's step", 'One-hot vectors', 'r close to 1'].filter(readsAsEnglish)).toHaveLength(4);
    expect(['nn.RNN', 'loss.item()', 'float(loss.data)', '(2, 32, 20)', 'LSTM', 'W_hh'].filter(readsAsEnglish)).toEqual([]);
  });
});
