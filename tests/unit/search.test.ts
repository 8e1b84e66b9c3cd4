/**
 * The book's search: the build cuts every chapter into sections at the ids its pages give their headings,
 * and the search finds what a reader types — words, prefixes, a typo, a figure's name — at the right heading.
 */
import { beforeAll, describe, expect, it } from 'vitest';
import { readChapterIndex } from '../../src/build/chapterIndex';
import { readableTex, readSearchSections, type SearchSection } from '../../src/build/searchIndex';
import { buildSearch, chineseSnippetOf, chineseTerms, snippetOf } from '../../src/search/searchEngine';

let sections: SearchSection[];
let search: ReturnType<typeof buildSearch>;
beforeAll(async () => {
  sections = await readSearchSections('chapters');
  search = buildSearch(sections);
}, 120_000);

describe('search sections', () => {
  it('cover every chapter, each section at a heading of its page', () => {
    expect(new Set(sections.map((s) => s.slug))).toEqual(new Set(readChapterIndex('chapters').map((c) => c.slug)));
    for (const section of sections) {
      expect(section.id).toMatch(new RegExp(`^${section.slug}(#[a-z0-9-]+)?$`));
      expect(section.heading.length).toBeGreaterThan(0);
    }
    expect(new Set(sections.map((s) => s.id)).size).toBe(sections.length);
  });

  it('read inline math as TeX and leave display equations and markup out', () => {
    const text = sections.map((s) => s.text).join(' ');
    expect(text).toContain('h_t');
    expect(text).not.toMatch(/<(span|div|math|svg)[ >]|katex|\\tag\{/);
  });

  it('know which figures each section holds', () => {
    expect(sections.filter((s) => s.figures.includes('BpttStepper')).map((s) => s.slug)).toContain('04-bptt');
  });
});

describe('search', () => {
  it('finds the forget gate in the LSTM chapter, at its heading', () => {
    const [first] = search('forget gate');
    expect(first.href).toMatch(/^\/chapters\/06-lstm#/);
    expect(first.snippet.toLowerCase()).toContain('forget');
  });

  it('matches prefixes and forgives a typo', () => {
    expect(search('perplex').some((hit) => hit.href.startsWith('/chapters/09-'))).toBe(true);
    expect(search('backpropagaton').some((hit) => hit.href.startsWith('/chapters/04-bptt'))).toBe(true);
  });

  it('finds a figure by the words of its name', () => {
    expect(search('bptt stepper')[0].href).toMatch(/^\/chapters\/04-bptt/);
  });

  it('says nothing for a query too short or found nowhere', () => {
    expect(search('a')).toEqual([]);
    expect(search('zzqxjv')).toEqual([]);
  });
});

describe('snippets', () => {
  it('read math as a reader scans it', () => {
    expect(readableTex('\\mathbf W_{hh}^\\top')).toBe('W_hhᵀ');
    expect(readableTex('\\sigma(0) = 0.5')).toBe('σ(0) = 0.5');
    expect(readableTex('\\left[-1/\\sqrt{h},\\ 1/\\sqrt{h}\\right]')).toBe('[-1/√h, 1/√h]');
    expect(readableTex('\\tanh(\\mathbf c_t) \\in \\mathbb R^{B \\times h}')).toBe('tanh(c_t) ∈ R^B × h');
    expect(readableTex('\\begin{bmatrix} 2 & 3 \\\\ -2 & -2.6 \\end{bmatrix}')).toBe('2 & 3 ; -2 & -2.6');
  });

  it('start a few words before the first match and mark cuts with an ellipsis', () => {
    const text = Array.from({ length: 60 }, (_, i) => `w${i}`).join(' ');
    const snippet = snippetOf(text, ['w30']);
    expect(snippet.startsWith('… w24 ')).toBe(true);
    expect(snippet.split(' ')).toHaveLength(1 + 20 + 1);
    expect(snippet.endsWith(' …')).toBe(true);
    expect(snippetOf('short text', ['absent'])).toBe('short text');
  });
});

describe('the Chinese search', () => {
  let chineseSections: SearchSection[];
  let searchChinese: ReturnType<typeof buildSearch>;
  beforeAll(async () => {
    chineseSections = await readSearchSections('chapters', 'zh');
    searchChinese = buildSearch(chineseSections, 'zh');
  }, 120_000);

  it('has a section for every English one, at the same heading ids, under the Chinese titles', () => {
    const ids = (list: SearchSection[]) => list.map((s) => s.id).sort();
    expect(ids(chineseSections)).toEqual(ids(sections.filter((s) => chineseSections.some((c) => c.slug === s.slug))));
    expect(chineseSections.find((s) => s.id === '06-lstm')?.chapter).toMatch(/\p{Script=Han}/u);
  });

  it('cuts Chinese text into words, and keeps Latin words whole', () => {
    expect(chineseTerms('遗忘门决定保留多少记忆元')).toContain('遗忘');
    expect(chineseTerms('用 nn.LSTM 训练')).toEqual(expect.arrayContaining(['训练']));
    expect(chineseTerms('隐状态 h_t')).not.toContain(' ');
  });

  it('finds the forget gate in the Chinese LSTM chapter, and links into the Chinese edition', () => {
    const [first] = searchChinese('遗忘门');
    expect(first.href).toMatch(/^\/zh\/chapters\/06-lstm(#|$)/);
    expect(first.snippet).toContain('遗忘');
    expect(searchChinese('困惑度').some((hit) => hit.href.startsWith('/zh/chapters/09-'))).toBe(true);
    expect(searchChinese('梯度裁剪').some((hit) => hit.href.startsWith('/zh/chapters/04-bptt'))).toBe(true);
  });

  it('finds Latin words and figures in Chinese text', () => {
    expect(searchChinese('nn.GRU').some((hit) => hit.href.startsWith('/zh/chapters/07-gru'))).toBe(true);
    expect(searchChinese('bptt stepper')[0].href).toMatch(/^\/zh\/chapters\/04-bptt/);
  });

  it('cuts snippets in characters around the first match', () => {
    const text = '一'.repeat(100) + '遗忘门' + '二'.repeat(100);
    const snippet = chineseSnippetOf(text, ['遗忘']);
    expect(snippet.startsWith('…')).toBe(true);
    expect(snippet).toContain('遗忘门');
    expect(snippet.length).toBeLessThanOrEqual(62);
  });
});
