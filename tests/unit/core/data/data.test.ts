import { describe, expect, it } from 'vitest';
import { readerText } from '../../../../src/i18n/readerText';
import { thrownInEnglish } from '../thrownInEnglish';
import { minibatches, minibatchesPerEpoch } from '../../../../src/core/data/minibatches';
import {
  buildVocabulary, decode, encode, MAX_TEXT_LENGTH, preprocess, UNKNOWN, validateText, vocabularyFromTokens,
} from '../../../../src/core/data/vocabulary';

describe('vocabulary', () => {
  it('orders tokens by frequency after <unk>, and round-trips text', () => {
    const vocabulary = buildVocabulary('hello');
    expect(vocabulary.tokens).toEqual([UNKNOWN, 'l', 'e', 'h', 'o']);
    expect(vocabulary.counts).toEqual([0, 2, 1, 1, 1]);
    expect(decode(vocabulary, encode(vocabulary, 'hello'))).toBe('hello');
    expect([...encode(vocabulary, 'hex')]).toEqual([3, 2, 0]);
  });

  it('letters preprocessing gives at most 28 tokens', () => {
    const text = preprocess('The Time-Machine, 1895!\nBy H. G. Wells', 'letters');
    expect(text).toBe('the time machine by h g wells');
    expect(buildVocabulary(preprocess('abcdefghijklmnopqrstuvwxyz ABC 123', 'letters')).tokens).toHaveLength(28);
  });

  it('refuses empty, single-character and oversized text with a reason', () => {
    expect(readerText(validateText(''), 'en')).toMatch(/empty/);
    expect(readerText(validateText('aaaa'), 'en')).toMatch(/one distinct character/);
    expect(readerText(validateText('a'.repeat(MAX_TEXT_LENGTH) + 'b'), 'en')).toBe('The text has 2,000,001 characters; the limit is 2,000,000. Use a shorter excerpt.');
    expect(readerText(validateText('a'.repeat(MAX_TEXT_LENGTH) + 'b'), 'zh')).toBe('文本有 2,000,001 个字符，上限是 2,000,000。请使用更短的节选。');
    expect(validateText('ab')).toBeNull();
  });

  it('rebuilds from a saved token list and rejects malformed ones', () => {
    expect(vocabularyFromTokens([UNKNOWN, 'a', 'b']).index.get('b')).toBe(2);
    expect(thrownInEnglish(() => vocabularyFromTokens(['a', 'b']))).toMatch(/starting with "<unk>"/);
    expect(thrownInEnglish(() => vocabularyFromTokens([UNKNOWN, 'a', 'a']))).toMatch(/repeat/);
  });
});

describe('minibatches', () => {
  const tokens = Int32Array.from({ length: 100 }, (_, k) => k);

  it('targets are inputs shifted by one', () => {
    for (const sampling of ['random', 'sequential'] as const) {
      for (const { inputs, targets } of minibatches(tokens, sampling, 3, 5, 7)) {
        inputs.forEach((x, k) => expect(targets[k]).toBe(x + 1));
      }
    }
  });

  it('sequential rows continue where the previous batch stopped', () => {
    const batches = [...minibatches(tokens, 'sequential', 2, 5, 3)];
    expect(batches.length).toBeGreaterThanOrEqual(minibatchesPerEpoch(tokens.length, 'sequential', 2, 5));
    for (let i = 1; i < batches.length; i++) {
      for (let row = 0; row < 2; row++) expect(batches[i].inputs[row * 5]).toBe(batches[i - 1].inputs[row * 5 + 4] + 1);
    }
  });

  it('random sampling covers disjoint subsequences, reproducibly per seed', () => {
    const starts = [...minibatches(tokens, 'random', 2, 5, 11)].flatMap((b) => [b.inputs[0], b.inputs[5]]);
    expect(new Set(starts).size).toBe(starts.length);
    const again = [...minibatches(tokens, 'random', 2, 5, 11)].flatMap((b) => [b.inputs[0], b.inputs[5]]);
    expect(again).toEqual(starts);
    expect(starts.length / 2).toBeGreaterThanOrEqual(minibatchesPerEpoch(tokens.length, 'random', 2, 5));
  });
});
