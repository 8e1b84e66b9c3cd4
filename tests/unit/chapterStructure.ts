/**
 * How the structure test sees a chapter, and how it compares the two editions of one. Parsed with the book's
 * own remark plugins (front matter, GFM, math) plus remark-mdx, the Chinese chapter must have
 *   (a) the same JSX elements (figures, exercises, boxes) with the same props, as source text, in document order;
 *       reader-facing words in props are the exception: an Exercise's `choices` compare by their number, each a
 *       non-empty string, and a FromTheNotes `title` only by being present and non-empty; neither may be left
 *       as the English text where that text has English words in it;
 *   (b) the same sequence of heading depths (heading ids are assigned by position from the English file);
 *   (c) the same math nodes, inline and block, with exactly the same TeX once the words inside `\text{…}` (and
 *       `\textrm`, `\textit`, `\textbf`, `\mbox`) are blanked out: section by section (a section runs from one
 *       heading to the next), so that a sentence may put its formulas in the order Chinese reads best;
 *   (d) the same number of code blocks, with the same languages, in the same order;
 *   (e) the same links to other chapters and anchors, section by section, pointing into the Chinese edition
 *       (`/zh/chapters/...`).
 */
import remarkMdx from 'remark-mdx';
import remarkParse from 'remark-parse';
import { unified } from 'unified';
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
  value?: string | { value: string; data?: { estree?: EstreeProgram } } | null;
}

/** Just enough of the estree that remark-mdx attaches to an expression to read an array of string literals. */
interface EstreeProgram {
  body: { type: string; expression?: { type: string; elements?: ({ type: string; value?: unknown } | null)[] } }[];
}

/** What one edition of a chapter looks like to the comparison: each list in document order, each entry with its line. */
export interface Structure {
  elements: Entry[];
  headings: Entry[];
  math: Entry[];
  code: Entry[];
  links: Entry[];
}

export interface Entry {
  text: string;
  line: number;
  /** How many headings come before it: the section it belongs to (0 before the first heading). */
  section: number;
  /** An element's translatable props, in source order. */
  words?: TranslatedWords[];
}

/** The words of one translatable prop: one string, or a list of them; null for a list entry that is not a string. */
interface TranslatedWords {
  prop: string;
  list: boolean;
  values: (string | null)[];
}

/**
 * The props whose words a translation replaces: a list of strings, or one string. Written any other way (a list
 * built by an expression, a title in braces) such a prop is compared as source text like every other prop.
 */
const TRANSLATABLE_PROPS: Record<string, Record<string, 'list' | 'text'>> = {
  Exercise: { choices: 'list' },
  FromTheNotes: { title: 'text' },
};

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

/** The strings of an `{[...]}` prop, null for an element that is not a string, or undefined if it is no array literal. */
function arrayLiteral(attribute: MdAttribute): (string | null)[] | undefined {
  const value = attribute.value;
  if (typeof value !== 'object' || value === null) return undefined;
  const expression = value.data?.estree?.body[0]?.expression;
  if (expression?.type !== 'ArrayExpression') return undefined;
  return expression.elements!.map((element) => (element?.type === 'Literal' && typeof element.value === 'string' ? element.value : null));
}

/** An element's props as compared (translatable words replaced by what must agree about them), and those words. */
function elementProps(node: MdNode): { props: string[]; words: TranslatedWords[] } {
  const translatable = TRANSLATABLE_PROPS[node.name!] ?? {};
  const words: TranslatedWords[] = [];
  const props = (node.attributes ?? []).map((attribute) => {
    const kind = attribute.type === 'mdxJsxAttribute' ? translatable[attribute.name!] : undefined;
    if (kind === 'text' && typeof attribute.value === 'string') {
      words.push({ prop: attribute.name!, list: false, values: [attribute.value] });
      return `${attribute.name}=(translated)`;
    }
    const list = kind === 'list' ? arrayLiteral(attribute) : undefined;
    if (!list) return attributeText(attribute);
    words.push({ prop: attribute.name!, list: true, values: list });
    return `${attribute.name}={${list.length} choices}`;
  });
  return { props, words };
}

/** TeX with the words of every text-mode group blanked (`\text{loss}` becomes `\text{}`); the rest untouched. */
export function blankTextGroups(tex: string): string {
  const opening = /\\(?:text|textrm|textit|textbf|mbox)(?![A-Za-z])\s*\{/g;
  let blanked = '';
  let from = 0;
  for (let match = opening.exec(tex); match; match = opening.exec(tex)) {
    let depth = 1;
    let at = opening.lastIndex;
    for (; at < tex.length && depth > 0; at++) {
      if (tex[at] === '\\') at++;
      else if (tex[at] === '{') depth++;
      else if (tex[at] === '}') depth--;
    }
    blanked += `${tex.slice(from, opening.lastIndex)}}`;
    from = at;
    opening.lastIndex = at;
  }
  return blanked + tex.slice(from);
}

/** Parses one edition of a chapter into the lists the comparison reads. */
export function structureOf(source: string): Structure {
  const tree = processor.runSync(processor.parse(source)) as MdNode;
  const found: Structure = { elements: [], headings: [], math: [], code: [], links: [] };
  let section = 0;
  const visit = (node: MdNode) => {
    const line = node.position?.start.line ?? 0;
    const at = (text: string): Entry => ({ text, line, section });
    if ((node.type === 'mdxJsxFlowElement' || node.type === 'mdxJsxTextElement') && node.name) {
      const { props, words } = elementProps(node);
      found.elements.push({ ...at(`<${[node.name, ...props].join(' ')}>`), words });
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

/**
 * Whether a prop's words read as English: some word of two or more letters that is plain lowercase after an
 * optional capital ("Both", "close", "Adam's", "one-hot"). Code names ("nn.RNN", "loss.item()", "W_hh"),
 * acronyms (LSTM, GRU), numbers and shapes ("(3, 4)") do not, so a choice made only of them may stay as it is.
 */
export function readsAsEnglish(text: string): boolean {
  return text
    .split(/\s+/)
    .map((token) => token.replace(/^[("'“‘[]+|[)"'”’\].,;:!?]+$/g, ''))
    .some((token) => /^[A-Za-z][a-z]+(?:[-'’][a-z]+)*$/.test(token));
}

/**
 * The first translatable prop that is empty, not a string, or still the English words, for elements that
 * otherwise agree (the lists are compared first, so they have the same length and names here).
 */
function firstUntranslatedProp(english: Entry[], chinese: Entry[]): string | undefined {
  for (const [i, zh] of chinese.entries()) {
    const en = english[i]!;
    for (const [k, { prop, list, values }] of (zh.words ?? []).entries()) {
      for (const [j, word] of values.entries()) {
        const where = `figure ${i + 1} ${zh.text} (line ${zh.line}): ${list ? `${prop} entry ${j + 1}` : prop}`;
        if (word === null) return `${where} is not a string`;
        if (word.trim() === '') return `${where} is empty`;
        if (word === en.words?.[k]?.values[j] && readsAsEnglish(word)) return `${where} is still the English ${JSON.stringify(word)}`;
      }
    }
  }
  return undefined;
}

/** Every way the Chinese source departs from the English one's structure, at most one per kind, in words. */
export function chapterDifferences(englishSource: string, chineseSource: string): string[] {
  const en = structureOf(englishSource);
  const zh = structureOf(chineseSource);
  const expectedLinks = en.links.map((entry) => ({ ...entry, text: chineseLink(entry.text) }));
  const blankedMath = (entries: Entry[]) => entries.map((entry) => ({ ...entry, text: blankTextGroups(entry.text) }));
  const elementDifference = firstDifference('figure', en.elements, zh.elements);
  return [
    elementDifference ?? firstUntranslatedProp(en.elements, zh.elements),
    firstDifference('heading', en.headings, zh.headings),
    firstSectionDifference('math', blankedMath(en.math), blankedMath(zh.math)),
    firstDifference('code block', en.code, zh.code),
    firstSectionDifference('link', expectedLinks, zh.links),
  ].filter((difference): difference is string => difference !== undefined);
}
