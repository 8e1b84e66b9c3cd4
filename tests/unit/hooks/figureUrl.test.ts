/**
 * A figure's settings in the URL, as pure functions: values read back exactly as written, garbage left
 * out or clamped by the schema, other parameters and the #hash kept, names namespaced per figure and
 * instance in a chapter, and each chapter's figures numbered at compile time.
 */
import { compile } from '@mdx-js/mdx';
import { describe, expect, it } from 'vitest';
import { remarkFigureInstances } from '../../../src/build/remarkFigureInstances';
import { chapterScope, decodeField, encodeSettings, figureLink, PLAIN_SCOPE, readFigureParams, writeFigureParams } from '../../../src/hooks/figureUrl';
import { boolean, choice, integer, number, text } from '../../../src/hooks/settingsSchema';

const SCHEMA = { hiddenSize: integer(1, 64), learningRate: number(1e-4, 10), kind: choice(['RNN', 'LSTM', 'GRU']), shared: boolean, word: text(12) };
const VALUES = { hiddenSize: 16, learningRate: 0.1 + 0.2, kind: 'GRU', shared: true, word: 'héllo & ?=#' };

describe('figure settings in the URL', () => {
  it('reads back exactly what it wrote, numbers to the last digit', () => {
    const search = writeFigureParams('', 'CellStepper.', encodeSettings(SCHEMA, VALUES));
    expect(readFigureParams(search, 'CellStepper.', SCHEMA)).toEqual(VALUES);
    expect(readFigureParams(search, 'CellStepper.', SCHEMA).learningRate).toBe(0.30000000000000004);
  });

  it('leaves out what cannot be read, and clamps what is out of range', () => {
    const search = '?hiddenSize=abc&learningRate=1e999&kind=TRANSFORMER&shared=yes&word=' + 'x'.repeat(40);
    expect(readFigureParams(search, '', SCHEMA)).toEqual({ word: 'x'.repeat(12) });
    expect(readFigureParams('?hiddenSize=999&learningRate=-3', '', SCHEMA)).toEqual({ hiddenSize: 64, learningRate: 1e-4 });
    expect(readFigureParams('?hiddenSize=2.6', '', SCHEMA)).toEqual({ hiddenSize: 3 });
    expect(readFigureParams('?hiddenSize=&hiddenSize=5', '', SCHEMA)).toEqual({});
    expect(decodeField(integer(0, 9), '  ')).toBeUndefined();
    expect(decodeField(boolean, 'false')).toBe(false);
  });

  it('reads only its own namespace', () => {
    const search = '?hiddenSize=4&CellStepper.hiddenSize=8&CellStepper-2.hiddenSize=12';
    expect(readFigureParams(search, '', SCHEMA)).toEqual({ hiddenSize: 4 });
    expect(readFigureParams(search, chapterScope('CellStepper', 1).prefix, SCHEMA)).toEqual({ hiddenSize: 8 });
    expect(readFigureParams(search, chapterScope('CellStepper', 2).prefix, SCHEMA)).toEqual({ hiddenSize: 12 });
  });

  it('keeps other parameters in place when writing, and removes what it is told to', () => {
    const search = '?backend=cpu&GradientFlow.steps=30&CellStepper.step=2';
    expect(writeFigureParams(search, 'CellStepper.', { seed: '4' }, ['step'])).toBe('?backend=cpu&GradientFlow.steps=30&CellStepper.seed=4');
    expect(writeFigureParams('?CellStepper.step=2', 'CellStepper.', {}, ['step'])).toBe('');
  });

  it('names a chapter figure by its ordinal only when the chapter repeats it', () => {
    expect(chapterScope('HelloTrainer', 1)).toEqual({ prefix: 'HelloTrainer.', anchorId: 'figure-HelloTrainer' });
    expect(chapterScope('HelloTrainer', 2)).toEqual({ prefix: 'HelloTrainer-2.', anchorId: 'figure-HelloTrainer-2' });
    expect(PLAIN_SCOPE).toEqual({ prefix: '', anchorId: null });
  });

  it('builds a link that lands on the figure, with its whole state and the other figures’ parameters', () => {
    const link = figureLink('https://book.example/chapters/02-forward-pass?backend=cpu&WorkedExample.step=1#some-heading', chapterScope('CellStepper', 1), { seqLength: '6', step: '3' });
    const url = new URL(link);
    expect(url.pathname).toBe('/chapters/02-forward-pass');
    expect([...url.searchParams]).toEqual([['backend', 'cpu'], ['WorkedExample.step', '1'], ['CellStepper.seqLength', '6'], ['CellStepper.step', '3']]);
    expect(url.hash).toBe('#figure-CellStepper');
    expect(new URL(figureLink('https://book.example/figures/GradientFlow?steps=3#x', PLAIN_SCOPE, { steps: '35' })).search).toBe('?steps=35');
  });
});

describe('figure ordinals in a chapter', () => {
  it('numbers each component among its namesakes, in the order the chapter shows them', async () => {
    const source = '<HelloTrainer variant="cell" />\n\n<div>plain</div>\n\n<HelloTrainer variant="rnn" />\n\nText with <ParamCount kind="RNN" /> inside.\n';
    const code = String(await compile(source, { remarkPlugins: [remarkFigureInstances] }));
    expect(code).toMatch(/variant: "cell",\s*figureInstance: "1"/);
    expect(code).toMatch(/variant: "rnn",\s*figureInstance: "2"/);
    expect(code).toMatch(/kind: "RNN",\s*figureInstance: "1"/);
    expect(code.match(/figureInstance/g)).toHaveLength(3);
  });
});
