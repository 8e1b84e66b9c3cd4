/**
 * Character vocabularies: tokens sorted by frequency (ties alphabetically), with `<unk>` at index 0 for
 * anything unseen, and the checks that keep a reader's text from breaking training.
 */
import { ReaderError, type ReaderMessage } from '../readerMessage';

export const UNKNOWN = '<unk>';

/** Largest text the page trains on: beyond it, tokenising and batching stop feeling instant. */
export const MAX_TEXT_LENGTH = 2_000_000;

export interface Vocabulary {
  /** Index → token; index 0 is `<unk>`. */
  tokens: string[];
  /** Token → index. */
  index: Map<string, number>;
  /** Occurrences of each token in the text it was built from (0 for `<unk>`). */
  counts: number[];
}

/** How a text becomes characters. */
export type Preprocessing = 'raw' | 'letters' | 'characters';

export const PREPROCESSINGS: readonly Preprocessing[] = ['letters', 'characters', 'raw'];

/**
 * `letters` is the classic setting: lower case, every run of non-letters becomes one space, giving a
 * vocabulary of 26 letters, space and `<unk>` (28 tokens); it erases every other script. `characters`
 * keeps every character of any script and only tidies whitespace: NFC first, so that a letter typed as
 * one code point or as a base plus an accent becomes the same token, then every run of whitespace (line
 * breaks, tabs, the ideographic space) becomes one space. `raw` keeps the text as written.
 */
export function preprocess(text: string, mode: Preprocessing): string {
  if (mode === 'raw') return text.replace(/\r\n?/g, '\n');
  if (mode === 'characters') return text.normalize('NFC').replace(/\s+/gu, ' ').trim();
  return text.toLowerCase().replace(/[^a-z]+/g, ' ').trim();
}

/** Whether `mode` is a preprocessing this book knows (as read from a file or stored settings). */
export const isPreprocessing = (mode: unknown): mode is Preprocessing => PREPROCESSINGS.includes(mode as Preprocessing);

/**
 * How many characters (code points, an emoji or a Chinese character counting once) of `text` are not
 * whitespace and would be erased by the `letters` setting: the figure warns when that is most of them.
 */
export function lettersWouldErase(text: string): { erased: number; kept: number; examples: string[] } {
  let erased = 0;
  let kept = 0;
  const examples = new Set<string>();
  for (const char of text) {
    if (/\s/u.test(char)) continue;
    if (/[a-z]/i.test(char)) kept++;
    else {
      erased++;
      // Letters of other scripts make the point; digits and punctuation would not.
      if (examples.size < 5 && /\p{L}/u.test(char)) examples.add(char);
    }
  }
  return { erased, kept, examples: [...examples] };
}

/** A reason the text cannot be trained on, or null when it can. */
export function validateText(text: string): ReaderMessage | null {
  if (text.length === 0) return { key: 'charLm:textEmpty' };
  if (text.length > MAX_TEXT_LENGTH) return { key: 'charLm:textTooLong', values: { length: text.length, limit: MAX_TEXT_LENGTH } };
  if (new Set(text).size < 2) return { key: 'charLm:textOneCharacter' };
  return null;
}

/**
 * Builds the vocabulary of a text's characters. A character is a Unicode code point, never a UTF-16
 * code unit: `for…of` walks code points, so a character outside the Basic Multilingual Plane (an emoji,
 * a rare Chinese character) is one token, not two halves that are not characters at all.
 */
export function buildVocabulary(text: string): Vocabulary {
  const frequency = new Map<string, number>();
  for (const char of text) frequency.set(char, (frequency.get(char) ?? 0) + 1);
  // Ties by code point, as Python's sorted() orders str: `<` compares UTF-16 units, which puts a
  // character beyond U+FFFF (surrogates, 0xD800…) before full-width punctuation (0xFF0C).
  const sorted = [...frequency].sort((a, b) => b[1] - a[1] || a[0].codePointAt(0)! - b[0].codePointAt(0)!);
  const tokens = [UNKNOWN, ...sorted.map(([token]) => token)];
  return { tokens, index: new Map(tokens.map((t, k) => [t, k])), counts: [0, ...sorted.map(([, n]) => n)] };
}

/** Rebuilds a vocabulary from its token list (as saved beside exported weights); counts are unknown. */
export function vocabularyFromTokens(tokens: unknown): Vocabulary {
  if (!Array.isArray(tokens) || tokens.length < 2 || tokens[0] !== UNKNOWN || !tokens.every((t) => typeof t === 'string')) {
    throw new ReaderError({ key: 'charLm:vocabularyNotList', values: { unk: UNKNOWN } });
  }
  if (new Set(tokens).size !== tokens.length) throw new ReaderError({ key: 'charLm:vocabularyRepeats' });
  return { tokens, index: new Map(tokens.map((t, k) => [t, k])), counts: tokens.map(() => 0) };
}

/** Token indices of `text`; unseen characters map to `<unk>`. */
export function encode(vocabulary: Vocabulary, text: string): Int32Array {
  const ids = new Int32Array([...text].length);
  let k = 0;
  for (const char of text) ids[k++] = vocabulary.index.get(char) ?? 0;
  return ids;
}

/** Text of token indices. */
export function decode(vocabulary: Vocabulary, ids: ArrayLike<number>): string {
  let text = '';
  for (let k = 0; k < ids.length; k++) text += vocabulary.tokens[ids[k]] ?? UNKNOWN;
  return text;
}
