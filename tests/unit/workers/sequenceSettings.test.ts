/** The playground's one schema and what the figure and the worker derive from it. */
import { describe, expect, it } from 'vitest';
import { SEQUENCE_PRESETS } from '../../../src/core/tasks';
import { fitSettings } from '../../../src/hooks/settingsSchema';
import { settingsProblem } from '../../../src/workers/charLmSettings';
import { applyPreset, PLAYGROUND_DEFAULTS, PLAYGROUND_SCHEMA, sweepPlanOf, taskSettingsOf } from '../../../src/workers/sequenceSettings';

describe('playground settings', () => {
  it('defaults obey the schema; URL garbage clamps or falls back', () => {
    expect(settingsProblem(PLAYGROUND_SCHEMA, PLAYGROUND_DEFAULTS)).toBeNull();
    const fitted = fitSettings(PLAYGROUND_SCHEMA, { hiddenSize: 1e9, task: 'XYZ', learningRate: 'fast', steps: -4 }, PLAYGROUND_DEFAULTS);
    expect(fitted).toMatchObject({ hiddenSize: 128, task: 'echo', learningRate: PLAYGROUND_DEFAULTS.learningRate, steps: 20 });
  });

  it('keeps the echo delay below the length', () => {
    expect(taskSettingsOf({ ...PLAYGROUND_DEFAULTS, length: 6, delay: 40 })).toMatchObject({ length: 6, delay: 5 });
  });

  it('a custom sweep spreads spans from 1 to the chosen one over RNN, LSTM and GRU, and seeds from the seed', () => {
    const plan = sweepPlanOf({ ...PLAYGROUND_DEFAULTS, delay: 20, length: 30, sweepPoints: 5, sweepSeeds: 2, seed: 7 });
    expect(plan).toMatchObject({ task: 'echo', spans: [1, 6, 11, 15, 20], cells: ['rnn', 'lstm', 'gru'], seeds: [7, 8] });
    expect(sweepPlanOf({ ...PLAYGROUND_DEFAULTS, task: 'adding', length: 10, sweepPoints: 3 }).spans).toEqual([2, 6, 10]);
  });

  it.each(SEQUENCE_PRESETS.map((p) => [p.name, p]))('preset %s: its task, budget and spans, valid under the schema', (name, preset) => {
    const settings = applyPreset({ ...PLAYGROUND_DEFAULTS, hiddenSize: 64 }, name);
    expect(settingsProblem(PLAYGROUND_SCHEMA, settings)).toBeNull();
    expect(settings).toMatchObject({ preset: name, task: preset.task, steps: preset.training.steps, hiddenSize: preset.training.hiddenSize });
    const plan = sweepPlanOf(settings);
    expect(plan.spans).toEqual(preset.spans);
    // The length is every echo run's; for the other tasks each span replaces it.
    if (preset.task === 'echo') expect(plan.settings.length).toBe(preset.settings.length);
    expect(plan.cells).toEqual(preset.cells);
  });
});
