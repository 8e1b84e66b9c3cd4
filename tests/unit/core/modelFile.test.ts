import { describe, expect, it } from 'vitest';
import { buildVocabulary } from '../../../src/core/data/vocabulary';
import { MAX_FILE_BYTES } from '../../../src/core/layer/jsonText';
import { fromModelFile, toModelFile, type ModelFile } from '../../../src/core/model/modelFile';
import * as tf from '../../../src/core/runtime/tf';
import { CHAR_LM_DEFAULTS, createCharLmModel } from '../../../src/core/train/charLm';
import { thrownInEnglish } from './thrownInEnglish';

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
    expect(thrownInEnglish(() => fromModelFile('{oops'))).toMatch(/not JSON/);
    expect(thrownInEnglish(() => fromModelFile({ ...file, format: 'x' }))).toMatch(/format/);
    expect(thrownInEnglish(() => fromModelFile({ ...file, config: { ...file.config, hiddenSize: -1 } }))).toMatch(/config.hiddenSize/);
    expect(thrownInEnglish(() => fromModelFile({ ...file, vocabulary: ['a', 'b'] }))).toMatch(/<unk>/);
    const data = [...file.state_dict['fc.bias'].data];
    data[0] = Number.NaN;
    expect(thrownInEnglish(() => fromModelFile({ ...file, state_dict: { ...file.state_dict, 'fc.bias': { ...file.state_dict['fc.bias'], data } } }))).toMatch(/fc.bias/);
    expect(tf.memory().numTensors).toBe(before);
  });

  /** How many tensors `fn` created, disposed or not: tensor ids are handed out in order. */
  function tensorsCreatedDuring(fn: () => void): number {
    const nextId = () => tf.tidy(() => tf.scalar(0).id);
    const before = nextId();
    fn();
    return nextId() - before - 1;
  }

  /** Expects `fromModelFile(input)` to tell the reader `message` without creating a single tensor. */
  function expectRefusedUpFront(input: unknown, message: RegExp) {
    expect(tensorsCreatedDuring(() => expect(thrownInEnglish(() => fromModelFile(input))).toMatch(message))).toBe(0);
  }

  async function smallFile(): Promise<ModelFile> {
    const model = createCharLmModel({ ...CHAR_LM_DEFAULTS, kind: 'LSTM', hiddenSize: 4 }, vocabulary.tokens.length);
    const file = await toModelFile(model, vocabulary, 'raw');
    model.dispose();
    return file;
  }

  it('refuse a file over the size limit, naming its size, before parsing it', () => {
    expectRefusedUpFront(' '.repeat(MAX_FILE_BYTES + 1), /the file is 64\.0 MB; the largest file this page reads is 64\.0 MB/);
  });

  it('refuse deeply nested JSON with a message, not a stack overflow', async () => {
    const depth = 200_000;
    expectRefusedUpFront('['.repeat(depth) + ']'.repeat(depth), /nests brackets more than 32 levels/);
    // Brackets inside strings do not count.
    const file = await smallFile();
    expect(thrownInEnglish(() => fromModelFile(JSON.stringify({ ...file, vocabulary: [...file.vocabulary.slice(0, -1), '[[[['.repeat(20)] })))).not.toMatch(/nests/);
    // An already-parsed file nested as deep reaches the tensor reader, which refuses it too.
    let nested: unknown = 1;
    for (let k = 0; k < depth; k++) nested = [nested];
    expectRefusedUpFront({ ...file, state_dict: { ...file.state_dict, 'fc.bias': nested } }, /'fc.bias' nests its lists more than 8 deep/);
  });

  it('refuse a tiny file describing a huge model by its parameter count, before building it', () => {
    const text = JSON.stringify({
      format: 'unrolled-char-model/1',
      config: { kind: 'LSTM', vocabSize: 4, embeddingSize: 0, hiddenSize: 4000, numLayers: 1 },
      vocabulary: ['<unk>', 'a', 'b', 'c'],
      state_dict: {},
    });
    expect(text.length).toBeLessThan(400);
    expectRefusedUpFront(text, /an LSTM with hidden size 4000, 1 layer and 4 tokens: 64,112,004 parameters, more than the 20,000,000 this page can hold/);
    expectRefusedUpFront(text.replace('4000', '8000'), /hidden size \(config.hiddenSize\) must be a whole number from 1 to 4096, not 8000/);
  });

  it('check every parameter against the config before building anything', async () => {
    const file = await smallFile();
    const { 'fc.bias': bias, ...withoutBias } = file.state_dict;
    expectRefusedUpFront({ ...file, state_dict: withoutBias }, /missing parameter 'fc.bias'/);
    expectRefusedUpFront({ ...file, state_dict: { ...file.state_dict, 'fc.extra': bias } }, /unexpected parameter 'fc.extra'/);
    const weight = file.state_dict['rnn.weight_hh_l0'];
    const transposed = { shape: [weight.shape[1], weight.shape[0]], data: weight.data };
    expectRefusedUpFront({ ...file, state_dict: { ...file.state_dict, 'rnn.weight_hh_l0': transposed } }, /'rnn.weight_hh_l0' has shape \[4, 16\] but .* needs \[16, 4\]/);
    const text = JSON.stringify(file).replace(/("fc.bias":\{"shape":\[\d+\],"data":\[)[^,\]]+/, '$11e999');
    expectRefusedUpFront(text, /'fc.bias' holds a non-finite value \(Infinity\) at index 0/);
    expectRefusedUpFront({ ...file, config: { ...file.config, kind: 'GRU' } }, /'rnn.weight_ih_l0' has shape \[16, 5\] but .* needs \[12, 5\]/);
    // And the good file still loads.
    fromModelFile(JSON.stringify(file)).model.dispose();
  });
});
