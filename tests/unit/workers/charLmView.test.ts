import { describe, expect, it } from 'vitest';
import { SERIES_COLORS } from '../../../src/components/chartSeries';
import { ReaderError } from '../../../src/core/readerMessage';
import { CHAR_LM_DEFAULTS, type CharLmStep } from '../../../src/core/train/charLm';
import { i18n } from '../../../src/i18n/i18n';
import { readerText } from '../../../src/i18n/readerText';
import {
  comparedRuns,
  comparisonGoesOn,
  embeddingNote,
  generateUnavailable,
  latestStep,
  modelSummaryText,
  perplexitySeries,
  plannedSteps,
  progressStatus,
  rebuiltNotice,
  runName,
  runResults,
  runColor,
  saidText,
  switchesToEmbedding,
  workerBackendLine,
} from '../../../src/widgets/CharLM/charLmView';

const en = i18n.getFixedT('en', 'charLm');
const zh = i18n.getFixedT('zh', 'charLm');
const sayEn = (problem: unknown) => readerText(problem, 'en');
const step = (n: number, loss = 2): CharLmStep => ({ step: n, epoch: 0, loss, perplexity: Math.exp(loss), gradientNorm: 1, clipped: false, tokensPerSecond: 100, progress: n / 1000 });
const steps = (count: number, loss = 2) => Array.from({ length: count }, (_, k) => step(k + 1, loss));

describe('the perplexity chart', () => {
  it('before any run: an empty curve for the chosen cell, and the uniform guess over the planned steps', () => {
    const series = perplexitySeries({ runs: {}, chosenKind: 'GRU', vocabularySize: 28, planned: 600 }, en);
    expect(series.map((s) => s.name)).toEqual(['GRU', 'uniform guess (V = 28)']);
    expect(series[0].points).toEqual([]);
    expect(series[0].color).toBe(SERIES_COLORS[2]);
    expect(series[1]).toMatchObject({ reference: true, points: [{ x: 0, y: 28 }, { x: 600, y: 28 }] });
  });

  it('during runs: a curve per run without infinite perplexities; the reference spans the steps so far', () => {
    const runs = { LSTM: [step(1), { ...step(2), perplexity: Infinity }, step(3)], 'LSTM · random': [step(1)] };
    const series = perplexitySeries({ runs, chosenKind: 'RNN', vocabularySize: 28, planned: 600 }, en);
    expect(series.map((s) => s.name)).toEqual(['LSTM', 'LSTM · random', 'uniform guess (V = 28)']);
    expect(perplexitySeries({ runs, chosenKind: 'RNN', vocabularySize: 28, planned: 600 }, zh).map((s) => s.name)).toEqual(['LSTM', 'LSTM · 随机', '均匀猜测（V = 28）']);
    expect(series[0].points.map((p) => p.x)).toEqual([1, 3]);
    expect(series[0].color).toBe(SERIES_COLORS[1]);
    expect(series[1].color).toBe(SERIES_COLORS[1]);
    expect(series[2].points.at(-1)).toEqual({ x: 3, y: 28 });
  });

  it('draws no uniform guess without a vocabulary, and plans no steps without text', () => {
    expect(perplexitySeries({ runs: {}, chosenKind: 'LSTM', vocabularySize: 0, planned: 0 }, en)).toHaveLength(1);
    expect(plannedSteps(null, CHAR_LM_DEFAULTS)).toBe(0);
    expect(plannedSteps(10_000, { ...CHAR_LM_DEFAULTS, epochs: 2 })).toBeGreaterThan(0);
  });

  it('gives a cell its own colour wherever it is, any other run the colour of its place', () => {
    expect(runColor('RNN', 5)).toBe(SERIES_COLORS[0]);
    expect(runColor('GRU', 0)).toBe(SERIES_COLORS[2]);
    expect(runColor('something', 7)).toBe(SERIES_COLORS[1]);
  });
});

describe('the progress and results lines', () => {
  it('name the newest step of the newest run', () => {
    expect(latestStep({})).toBeUndefined();
    expect(latestStep({ RNN: steps(3), GRU: [] })).toBeUndefined();
    expect(latestStep({ RNN: steps(3), GRU: steps(2) })).toMatchObject({ label: 'GRU', step: { step: 2 } });
  });

  it('compare runs by the perplexity of their last 50 steps', () => {
    const results = runResults({ RNN: [...steps(100, 3), ...steps(50, 1).map((s) => ({ ...s, step: s.step + 100 }))], LSTM: [], GRU: steps(10, 2) });
    expect(results.map((r) => r.label)).toEqual(['RNN', 'GRU']);
    expect(results[0]).toMatchObject({ steps: 150, first: 101 });
    expect(results[0].perplexity).toBeCloseTo(Math.E, 10);
    expect(results[1]).toMatchObject({ steps: 10, first: 1 });
  });

  it('say running, idle or how the last run ended', () => {
    expect(progressStatus(true, null)).toBe('running');
    expect(progressStatus(false, null)).toBe('idle');
    expect(progressStatus(false, { reason: 'diverged', message: '', steps: 3 })).toBe('diverged');
  });

  it('say where the worker trains, and why there', () => {
    expect(workerBackendLine(null, en, String)).toBe('Starting the training thread…');
    expect(workerBackendLine({ name: 'wasm', fallbackReason: { key: 'engine:webgpuMissing' } }, en, (problem) => readerText(problem, 'en'))).toBe(
      'Training runs in a background thread on WebAssembly (WebGPU is not available in this browser).',
    );
    expect(workerBackendLine({ name: 'cpu' }, en, String)).toBe('Training runs in a background thread on CPU.');
    expect(workerBackendLine({ name: 'cpu' }, zh, String)).toBe('训练在后台线程中运行，后端为 CPU。');
    // Several WebAssembly threads (a worker of a cross-origin-isolated page) are worth saying; one is not.
    expect(workerBackendLine({ name: 'wasm', threads: 2 }, en, (problem) => readerText(problem, 'en'))).toBe('Training runs in a background thread on WebAssembly (2 threads).');
    expect(workerBackendLine({ name: 'wasm', threads: 2 }, zh, (problem) => readerText(problem, 'zh'))).toBe('训练在后台线程中运行，后端为 WebAssembly（2 个线程）。');
    expect(workerBackendLine({ name: 'wasm', threads: 1 }, en, String)).toBe('Training runs in a background thread on WebAssembly.');
  });

  it('name runs and models in the page’s language', () => {
    expect(runName('GRU', zh)).toBe('GRU');
    expect(runName('GRU · sequential', en)).toBe('GRU · sequential');
    expect(runName('GRU · sequential', zh)).toBe('GRU · 顺序');
    expect(modelSummaryText({ kind: 'LSTM', hiddenSize: 64, numLayers: 1 }, en)).toBe('LSTM, hidden 64, 1 layer');
    expect(modelSummaryText({ kind: 'GRU', hiddenSize: 8, numLayers: 2 }, en)).toBe('GRU, hidden 8, 2 layers');
    expect(modelSummaryText({ kind: 'GRU', hiddenSize: 8, numLayers: 2 }, zh)).toBe('GRU，隐藏层大小 8，2 层');
  });

  it('say a refused run, a worker’s message and an unexpected error', () => {
    expect(saidText({ refused: { key: 'charLm:noModelYet' } }, en, sayEn)).toBe('Training could not run: Train a model or import one first.');
    expect(saidText({ refused: 'boom' }, en, sayEn)).toBe('Training could not run: boom');
    expect(saidText({ key: 'charLm:gpuLostWeightsKept', values: { step: 130, kept: 120 } }, en, sayEn)).toBe('The GPU was lost at step 130. The weights from step 120 were kept: write with them, or train again.');
    expect(saidText({ key: 'training:finished', values: { count: 3 } }, en, sayEn)).toBe('Finished after 3 steps.');
    expect(saidText({ key: 'training:finished', values: { count: 3 } }, zh, (problem) => readerText(problem, 'zh'))).toBe('训练完成，共 3 步。');
    expect(saidText('out of memory', en, sayEn)).toBe('out of memory');
    expect(sayEn(new ReaderError({ key: 'charLm:threadFailed', values: { reason: 'boom' } }))).toBe('The training thread failed: boom');
  });

  it('say which weights a model was rebuilt from after a lost GPU', () => {
    expect(rebuiltNotice(null, en)).toBeNull();
    expect(rebuiltNotice({ step: 120, model: { kind: 'LSTM', hiddenSize: 64, numLayers: 1 } }, en)).toBe('The model (LSTM, hidden 64, 1 layer) was rebuilt there from its weights of step 120.');
    expect(rebuiltNotice({ step: null, model: { kind: 'GRU', hiddenSize: 8, numLayers: 1 } }, en)).toMatch(/from the imported weights\.$/);
  });
});

describe('comparisons', () => {
  it('train the three cells, or the two minibatch schemes, with the reader’s other settings', () => {
    const options = { ...CHAR_LM_DEFAULTS, hiddenSize: 32, kind: 'GRU' as const };
    const cells = comparedRuns('cells', options);
    expect(cells.map((r) => [r.label, r.options.kind])).toEqual([['RNN', 'RNN'], ['LSTM', 'LSTM'], ['GRU', 'GRU']]);
    expect(cells.every((r) => r.options.hiddenSize === 32 && r.options.epochs === 50)).toBe(true);
    const sampling = comparedRuns('sampling', options);
    expect(sampling.map((r) => [r.label, r.options.sampling, r.options.kind])).toEqual([['GRU · sequential', 'sequential', 'GRU'], ['GRU · random', 'random', 'GRU']]);
  });

  it('go on after a finished run or one stopped at its step budget, and end on anything else', () => {
    expect(comparisonGoesOn({ reason: 'finished', message: '', steps: 10 }, 300)).toBe(true);
    expect(comparisonGoesOn({ reason: 'aborted', message: '', steps: 300 }, 300)).toBe(true);
    expect(comparisonGoesOn({ reason: 'aborted', message: '', steps: 120 }, 300)).toBe(false);
    expect(comparisonGoesOn({ reason: 'failed', message: '', steps: 0 }, 300)).toBe(false);
  });
});

describe('generation and the vocabulary', () => {
  it('Generate waits only for a model, not for training to stop', () => {
    expect(generateUnavailable(null, en)).toMatch(/Train a model or import one/);
    expect(generateUnavailable({ kind: 'LSTM', hiddenSize: 64, numLayers: 1 }, en)).toBeNull();
  });

  it('switches to an embedding once, on the way up past the threshold, never mid-run', () => {
    const base = { vocabularySize: 500, wasLarge: false, embeddingSize: 0, running: false };
    expect(switchesToEmbedding(base)).toBe(true);
    expect(switchesToEmbedding({ ...base, wasLarge: true })).toBe(false);
    expect(switchesToEmbedding({ ...base, embeddingSize: 16 })).toBe(false);
    expect(switchesToEmbedding({ ...base, running: true })).toBe(false);
    expect(switchesToEmbedding({ ...base, vocabularySize: 60 })).toBe(false);
    expect(embeddingNote(1500, en)).toBe('With 1,500 tokens, one-hot vectors would be 1,500 wide: the input is now an embedding of 32 (set the embedding size to 0 for one-hot).');
  });
});
