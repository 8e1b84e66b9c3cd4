import { describe, expect, it } from 'vitest';
import { buildVocabulary } from '../../../src/core/data/vocabulary';
import { fromModelFile, toModelFile } from '../../../src/core/modelFile';
import * as tf from '../../../src/core/tf';
import { CHAR_LM_DEFAULTS, createCharLmModel } from '../../../src/core/train/charLm';

describe('model files', () => {
  const vocabulary = buildVocabulary('abcab ba');

  it('round-trip a model with its vocabulary, leaking nothing', async () => {
    const before = tf.memory().numTensors;
    const model = createCharLmModel({ ...CHAR_LM_DEFAULTS, kind: 'GRU', hiddenSize: 6, embeddingSize: 3 }, vocabulary.tokens.length);
    const file = await toModelFile(model, vocabulary, 'raw');
    const loaded = fromModelFile(JSON.stringify(file));
    expect(loaded.vocabulary.tokens).toEqual(vocabulary.tokens);
    expect(await loaded.model.toStateDict()).toEqual(file.state_dict);
    expect(Object.keys(file.state_dict)).toContain('embedding.weight');
    model.dispose();
    loaded.model.dispose();
    expect(tf.memory().numTensors).toBe(before);
  });

  it('name what is wrong in a malformed file, and build nothing', async () => {
    const model = createCharLmModel({ ...CHAR_LM_DEFAULTS, hiddenSize: 4 }, vocabulary.tokens.length);
    const file = await toModelFile(model, vocabulary, 'raw');
    model.dispose();
    const before = tf.memory().numTensors;
    expect(() => fromModelFile('{oops')).toThrow(/not JSON/);
    expect(() => fromModelFile({ ...file, format: 'x' })).toThrow(/format/);
    expect(() => fromModelFile({ ...file, config: { ...file.config, hiddenSize: -1 } })).toThrow(/config.hiddenSize/);
    expect(() => fromModelFile({ ...file, vocabulary: ['a', 'b'] })).toThrow(/<unk>/);
    const data = [...file.state_dict['fc.bias'].data];
    data[0] = Number.NaN;
    expect(() => fromModelFile({ ...file, state_dict: { ...file.state_dict, 'fc.bias': { ...file.state_dict['fc.bias'], data } } })).toThrow(/fc.bias/);
    expect(tf.memory().numTensors).toBe(before);
  });
});
