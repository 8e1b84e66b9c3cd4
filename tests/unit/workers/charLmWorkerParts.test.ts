import { describe, expect, it } from 'vitest';
import { readTextFile, textFileSizeProblem, characterCount, MAX_TEXT_FILE_BYTES } from '../../../src/core/data/textFile';
import { buildVocabulary, encode } from '../../../src/core/data/vocabulary';
import { generate, generateText } from '../../../src/core/model/generate';
import type { ReaderMessage } from '../../../src/core/readerMessage';
import * as tf from '../../../src/core/runtime/tf';
import { CHAR_LM_DEFAULTS, createCharLmModel, trainCharLm } from '../../../src/core/train/charLm';
import { readerText } from '../../../src/i18n/readerText';
import { CHAR_LM_OPTIONS_SCHEMA, GENERATE_SCHEMA, settingsProblem } from '../../../src/workers/charLmSettings';
import { GatedControl } from '../../../src/workers/gatedControl';
import { WeightsKeeper } from '../../../src/workers/weightsKeeper';

const text = 'the cat sat on the mat. '.repeat(20);
const vocabulary = buildVocabulary(text);
const options = { ...CHAR_LM_DEFAULTS, kind: 'GRU' as const, hiddenSize: 8, batch: 2, steps: 6, epochs: 2 };

describe('weights kept for a lost GPU device', () => {
  it('rebuild a model equal to the copy, however the original changed since, leaking nothing', async () => {
    const before = tf.memory().numTensors;
    const model = createCharLmModel(options, vocabulary.tokens.length);
    const keeper = new WeightsKeeper();
    await keeper.keep(model, vocabulary, 'raw', 3);
    const copied = await model.toStateDict();
    const sampleThen = await generate(model, vocabulary, 'the ', { length: 30, temperature: 0.5, seed: 1 });
    const run = trainCharLm(model, encode(vocabulary, text), options);
    for (let next = await run.next(); !next.done; next = await run.next());
    expect(await model.toStateDict()).not.toEqual(copied);
    // The backend the copy was read from may be gone: only plain arrays go into the rebuild.
    model.dispose();

    const rebuilt = keeper.rebuild()!;
    expect(rebuilt.step).toBe(3);
    expect(rebuilt.preprocessing).toBe('raw');
    expect(rebuilt.vocabulary.tokens).toEqual(vocabulary.tokens);
    expect(await rebuilt.model.toStateDict()).toEqual(copied);
    expect(await generate(rebuilt.model, rebuilt.vocabulary, 'the ', { length: 30, temperature: 0.5, seed: 1 })).toBe(sampleThen);
    rebuilt.model.dispose();
    keeper.forget();
    expect(keeper.rebuild()).toBeNull();
    expect(tf.memory().numTensors).toBe(before);
  });
});

describe('work between training steps while paused', () => {
  it('runs a job in the pause, and the run goes on after resume', async () => {
    const model = createCharLmModel(options, vocabulary.tokens.length);
    const control = new GatedControl();
    const run = trainCharLm(model, encode(vocabulary, text), options, control);
    expect((await run.next()).done).toBe(false);
    control.pause();
    const stepping = run.next();
    const written = await control.runBetweenSteps(() => generate(model, vocabulary, 'the', { length: 10, temperature: 0 }));
    expect(written).toHaveLength(13);
    control.resume();
    expect((await stepping).value).toMatchObject({ step: 2 });
    control.abort();
    for (let next = await run.next(); !next.done; next = await run.next());
    // A job that arrives after the run's last pause runs when the worker drains the control.
    const late = control.runBetweenSteps(async () => 'late');
    await control.drain();
    expect(await late).toBe('late');
    model.dispose();
  });
});

describe('work between training steps while running', () => {
  it('runs a job before the next step, with the weights as they are, and the run goes on', async () => {
    const before = tf.memory().numTensors;
    const model = createCharLmModel(options, vocabulary.tokens.length);
    const control = new GatedControl();
    const run = trainCharLm(model, encode(vocabulary, text), options, control);
    expect((await run.next()).value).toMatchObject({ step: 1 });
    const weightsAfterStep1 = await model.toStateDict();
    const order: string[] = [];
    const written = control.runBetweenSteps(async () => {
      order.push('job');
      expect(await model.toStateDict()).toEqual(weightsAfterStep1);
      return generate(model, vocabulary, 'the', { length: 10, temperature: 0 });
    });
    const step2 = await run.next();
    order.push('step 2');
    expect(order).toEqual(['job', 'step 2']);
    expect(step2.value).toMatchObject({ step: 2 });
    expect(await written).toHaveLength(13);
    control.abort();
    for (let next = await run.next(); !next.done; next = await run.next());
    model.dispose();
    expect(tf.memory().numTensors).toBe(before);
  });
});

describe('generation', () => {
  it('stops on its signal with what it has, and keeps an emoji prefix whole', async () => {
    const emoji = buildVocabulary('😀 ab😀ba');
    const model = createCharLmModel(options, emoji.tokens.length);
    const signal = { aborted: false };
    const result = await generateText(model, emoji, '😀', { length: 5, temperature: 0, signal });
    expect(result).toMatchObject({ warmUp: '😀', complete: true });
    expect([...result.continuation]).toHaveLength(5);
    signal.aborted = true;
    expect(await generateText(model, emoji, '😀', { length: 5, temperature: 0, signal })).toMatchObject({ continuation: '', complete: false });
    model.dispose();
  });
});

describe('uploaded text files', () => {
  it('refuse what is too big, binary or not UTF-8; count an emoji as one character', () => {
    expect(textFileSizeProblem('a.txt', MAX_TEXT_FILE_BYTES)).toBeNull();
    expect(readerText(textFileSizeProblem('a.txt', 9_040_000), 'en')).toBe('“a.txt” is 9 MB; files up to 8 MB can be read. Your text was kept: use a shorter excerpt.');
    expect(readerText(textFileSizeProblem('a.txt', 9_050_000), 'zh')).toMatch(/^“a\.txt”大小为 9\.1 MB，能读取的文件最大为 8 MB。/);
    const problem = (read: ReturnType<typeof readTextFile>) => readerText((read as { problem: ReaderMessage }).problem, 'en');
    expect(problem(readTextFile('a.png', Uint8Array.of(0x89, 0x50, 0, 0)))).toMatch(/“a\.png” is not a text file/);
    expect(problem(readTextFile('a.txt', new Uint8Array(Buffer.from('caf\xe9 cr\xe8me', 'latin1'))))).toMatch(/^“a\.txt” does not read as UTF-8 text \(2 characters could not be decoded\)/);
    expect(readTextFile('a.txt', new TextEncoder().encode('héllo 😀'))).toEqual({ text: 'héllo 😀' });
    expect(characterCount('a😀b')).toBe(3);
  });
});

describe('the figure’s settings schemas', () => {
  it('name the first field out of range, and accept the defaults', () => {
    expect(settingsProblem(CHAR_LM_OPTIONS_SCHEMA, CHAR_LM_DEFAULTS)).toBeNull();
    expect(readerText(settingsProblem(CHAR_LM_OPTIONS_SCHEMA, { ...CHAR_LM_DEFAULTS, hiddenSize: 0 }), 'en')).toBe('Unusable setting: hiddenSize = 0 (a whole number from 8 to 512).');
    expect(readerText(settingsProblem(CHAR_LM_OPTIONS_SCHEMA, { ...CHAR_LM_DEFAULTS, numLayers: 1.5 }), 'en')).toMatch(/numLayers/);
    expect(readerText(settingsProblem(CHAR_LM_OPTIONS_SCHEMA, { ...CHAR_LM_DEFAULTS, kind: 'XYZ' as 'RNN' }), 'en')).toMatch(/kind = "XYZ" \(one of RNN, LSTM, GRU\)/);
    expect(readerText(settingsProblem(CHAR_LM_OPTIONS_SCHEMA, { ...CHAR_LM_DEFAULTS, learningRate: 0 }), 'en')).toMatch(/learningRate = 0 \(a number from 0\.0001 to 1000\)/);
    expect(readerText(settingsProblem(GENERATE_SCHEMA, { prefix: 'the', length: 1e7, temperature: 1, seed: 0 }), 'en')).toMatch(/length/);
    expect(readerText(settingsProblem(GENERATE_SCHEMA, { prefix: 'x'.repeat(300), length: 20, temperature: 1, seed: 0 }), 'en')).toMatch(/\(text of at most 200 characters\)\.$/);
  });

  it('say the refusal in Chinese too', () => {
    expect(readerText(settingsProblem(CHAR_LM_OPTIONS_SCHEMA, { ...CHAR_LM_DEFAULTS, hiddenSize: 0 }), 'zh')).toBe('无法使用的设置：hiddenSize = 0（允许的值：8 到 512 之间的整数）。');
  });
});
