import { describe, expect, it } from 'vitest';
import { readerText } from '../../../../src/i18n/readerText';
import { charModelCost } from '../../../../src/core/figures/charLmCost';
import { buildVocabulary, decode, encode, lettersWouldErase, preprocess, UNKNOWN, validateText } from '../../../../src/core/data/vocabulary';

describe('the characters preprocessing', () => {
  const chinese = '循环神经网络的隐状态\n记住了过去。\r\n困惑度　越低越好';

  it('keeps every character of any script and turns each run of whitespace into one space', () => {
    expect(preprocess(chinese, 'characters')).toBe('循环神经网络的隐状态 记住了过去。 困惑度 越低越好');
    expect(preprocess(chinese, 'letters')).toBe('');
    expect(validateText(preprocess(chinese, 'letters'))).toEqual({ key: 'charLm:textEmpty' });
    expect(readerText(validateText(preprocess(chinese, 'letters')), 'zh')).toBe('文本是空的：请粘贴或上传一些用于训练的文本。');
  });

  it('normalises to NFC, so an accent typed two ways is one token', () => {
    const composed = 'caf\u00e9';
    const decomposed = 'cafe\u0301';
    expect(preprocess(decomposed, 'characters')).toBe(composed);
    expect(buildVocabulary(preprocess(composed + ' ' + decomposed, 'characters')).tokens).toHaveLength(6);
  });

  it('counts code points, not UTF-16 units: a character beyond the BMP is one token', () => {
    const text = preprocess('𠀀a𠀀b😀', 'characters');
    expect(text.length).toBe(8); // UTF-16 units: three characters take two each
    expect([...text]).toHaveLength(5);
    const vocabulary = buildVocabulary(text);
    expect(vocabulary.tokens).toEqual([UNKNOWN, '𠀀', 'a', 'b', '😀']);
    expect([...encode(vocabulary, text)]).toEqual([1, 2, 1, 3, 4]);
    expect(decode(vocabulary, encode(vocabulary, text))).toBe(text);
    expect(vocabulary.tokens.every((t) => t === UNKNOWN || [...t].length === 1)).toBe(true);
  });

  it('builds a vocabulary of the Chinese characters, by frequency', () => {
    const vocabulary = buildVocabulary(preprocess('隐状态，隐状态，门', 'characters'));
    // Ties by code point, as Python's sorted(): 态 U+6001, 状 U+72B6, 隐 U+9690, ， U+FF0C, then 门 once.
    expect(vocabulary.tokens).toEqual([UNKNOWN, '态', '状', '隐', '，', '门']);
    expect(vocabulary.counts).toEqual([0, 2, 2, 2, 2, 1]);
    // A character beyond U+FFFF sorts after U+FF0C by code point, though its first UTF-16 unit is smaller.
    expect(buildVocabulary('，𠀀').tokens).toEqual([UNKNOWN, '，', '𠀀']);
  });

  it('says how much of a text the letters setting would erase', () => {
    expect(lettersWouldErase('隐状态 RNN')).toEqual({ erased: 3, kept: 3, examples: ['隐', '状', '态'] });
    expect(lettersWouldErase('hello, world').erased).toBe(1);
  });
});

describe('the cost of a vocabulary', () => {
  it('counts parameters as PyTorch does', () => {
    // nn.LSTM(28, 64) + nn.Linear(64, 28): 4·64·(28 + 64 + 2) + 64·28 + 28.
    const oneHot = charModelCost(28, { kind: 'LSTM', hiddenSize: 64, numLayers: 1, embeddingSize: 0 });
    expect(oneHot.recurrentParameters).toBe(24_064);
    expect(oneHot.outputParameters).toBe(1_820);
    expect(oneHot.totalParameters).toBe(25_884);
    // Two layers of nn.RNN(10, 8, 2) behind nn.Embedding(4, 10), as in chapter 8.
    const embedded = charModelCost(4, { kind: 'RNN', hiddenSize: 8, numLayers: 2, embeddingSize: 10 });
    expect(embedded.embeddingParameters).toBe(40);
    expect(embedded.recurrentParameters).toBe(8 * (10 + 8 + 2) + 8 * (8 + 8 + 2));
  });

  it('makes the input product cheap with an embedding when V is large', () => {
    const oneHot = charModelCost(2000, { kind: 'LSTM', hiddenSize: 64, numLayers: 1, embeddingSize: 0 });
    const embedded = charModelCost(2000, { kind: 'LSTM', hiddenSize: 64, numLayers: 1, embeddingSize: 32 });
    expect(oneHot.inputMultiplyAdds).toBe(2000 * 256);
    expect(embedded.inputMultiplyAdds).toBe(32 * 256);
    expect(embedded.outputMultiplyAdds).toBe(oneHot.outputMultiplyAdds);
  });
});
