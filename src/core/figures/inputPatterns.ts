/**
 * Input sequences for the figures that watch a cell's state over time. Random input (PyTorch's `torch.randn`
 * for the figure's seed) shows what the state looks like when driven; pulses show memory: after a pulse the
 * input is zero, so whatever the state still carries of it afterwards is what the cell remembers.
 */
import { parameterCounts, positiveInteger, resolveLayerConfig, type LayerConfig } from '../layer/layerConfig';
import { randn, recurrentParameters, TorchGenerator } from '../random';
import type { ReaderMessage } from '../readerMessage';

/** Which input sequence to feed. */
export type InputPattern = 'random' | 'pulse' | 'pulses' | 'sine';

/** The patterns in the order a menu lists them. */
export const INPUT_PATTERNS: readonly InputPattern[] = ['pulses', 'pulse', 'random', 'sine'];

/** Steps between two pulses of the 'pulses' pattern. */
export const PULSE_PERIOD = 8;

/** Steps in one period of the 'sine' pattern. */
export const SINE_PERIOD = 12;

/** How figures name each pattern: catalogue keys, worded by the interface. */
export const INPUT_PATTERN_NAMES: Readonly<Record<InputPattern, ReaderMessage>> = {
  pulses: { key: 'hiddenStateHeatmap:patternPulses', values: { period: PULSE_PERIOD } },
  pulse: { key: 'hiddenStateHeatmap:patternPulse' },
  random: { key: 'hiddenStateHeatmap:patternRandom' },
  sine: { key: 'hiddenStateHeatmap:patternSine' },
};

/** The length and width of an input sequence, and what the seed builds before drawing it. */
export interface InputOptions {
  /** T */
  steps: number;
  inputSize: number;
  /** `torch.manual_seed(seed)` before the modules and the inputs (default 0) */
  seed?: number;
  /** the recurrent modules the figure builds from the seed before its inputs, in construction order */
  modules?: readonly LayerConfig[];
}

/**
 * An input sequence x_0 … x_{T−1}, each of `inputSize` features: [steps][inputSize].
 * - 'random': `x = torch.randn(T, 1, inputSize)` after `torch.manual_seed(seed)` and the construction of
 *   `modules`, so a gate figure's inputs are the ones PyTorch draws after building the same cells.
 * - 'pulse': all ones at the first step, zeros after.
 * - 'pulses': all ones at the first step and every PULSE_PERIOD steps after it, zeros between.
 * - 'sine': feature k is sin(2π(t/12 + k/inputSize)), a wave with a phase per feature.
 */
export function makeInputs(pattern: InputPattern, { steps, inputSize, seed = 0, modules = [] }: InputOptions): number[][] {
  positiveInteger(steps, 'steps');
  positiveInteger(inputSize, 'inputSize');
  const row = (value: (k: number) => number) => Array.from({ length: inputSize }, (_, k) => value(k));
  switch (pattern) {
    case 'random': {
      const generator = new TorchGenerator(seed);
      // The modules' weights are drawn again by whoever builds them; here they only move the stream on.
      for (const module of modules) {
        const config = resolveLayerConfig(module);
        recurrentParameters(generator, config.hiddenSize, parameterCounts(config));
      }
      const values = randn(generator, steps * inputSize);
      return Array.from({ length: steps }, (_, t) => Array.from(values.subarray(t * inputSize, (t + 1) * inputSize)));
    }
    case 'pulse':
      return Array.from({ length: steps }, (_, t) => row(() => (t === 0 ? 1 : 0)));
    case 'pulses':
      return Array.from({ length: steps }, (_, t) => row(() => (t % PULSE_PERIOD === 0 ? 1 : 0)));
    case 'sine':
      return Array.from({ length: steps }, (_, t) => row((k) => Math.sin(2 * Math.PI * (t / SINE_PERIOD + k / inputSize))));
  }
}

/** Whether a value names an input pattern (for settings read back from storage or a URL). */
export function isInputPattern(value: unknown): value is InputPattern {
  return typeof value === 'string' && (INPUT_PATTERNS as readonly string[]).includes(value);
}
