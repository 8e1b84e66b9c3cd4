/**
 * How a word becomes the inputs of a tiny character RNN: its distinct characters, sorted, are the
 * vocabulary, and character k is the one-hot row e_k (as in chapter 3, where "hello" gives e, h, l, o and
 * "h" is [0, 1, 0, 0]). Plain arrays, no tensors: a figure can draw the inputs before the engine loads.
 */
import { ReaderError } from '../readerMessage';

/** The word as the reader sees its letters: code points, so that "你好" is two characters, not four units. */
export function charactersOf(word: string): string[] {
  return Array.from(word);
}

/** The distinct characters of `word` in code-point order: index k is the position of the 1 in e_k. */
export function wordVocabulary(word: string): string[] {
  return [...new Set(charactersOf(word))].sort();
}

/**
 * The one-hot rows of `characters` over `vocabulary`: [T][V], row t all zeros except a 1 at the index of
 * character t. Throws a ReaderError on a character outside the vocabulary.
 */
export function oneHotRows(characters: readonly string[], vocabulary: readonly string[]): number[][] {
  return characters.map((character) => {
    const index = vocabulary.indexOf(character);
    if (index < 0) throw new ReaderError({ key: 'readingRnn:letterNotInVocabulary', values: { character, vocabulary: vocabulary.join(', ') } });
    return vocabulary.map((_, k) => (k === index ? 1 : 0));
  });
}
