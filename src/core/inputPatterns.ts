/**
 * Input sequences for the figures that watch a cell's state over time. Random input shows what the state
 * looks like when driven; pulses show memory: after a pulse the input is zero, so whatever the state still
 * carries of it afterwards is what the cell remembers.
 */
import { deriveSeed, mulberry32, uniformValues } from './random';

/** Which input sequence to feed. */
export type InputPattern = 'random' | 'pulse' | 'pulses' | 'sine';

/** The patterns in the order a menu lists them. */
export const INPUT_PATTERNS: readonly InputPattern[] = ['pulses', 'pulse', 'random', 'sine'];

/** Steps between two pulses of the 'pulses' pattern. */
export const PULSE_PERIOD = 8;

/** Steps in one period of the 'sine' pattern. */
export const SINE_PERIOD = 12;

/** How figures name each pattern. */
export const INPUT_PATTERN_NAMES: Readonly<Record<InputPattern, string>> = {
  pulses: `a pulse every ${PULSE_PERIOD} steps`,
  pulse: 'one pulse at t = 1',
  random: 'random',
  sine: 'sine waves',
};

/**
 * An input sequence x_0 … x_{T−1}, each of `inputSize` features: [steps][inputSize].
 * - 'random': every entry U(−1, 1), drawn from a stream of `seed` separate from the weights' stream, so
 *   the same seed gives the same inputs whatever cell or hidden size they are fed to.
 * - 'pulse': all ones at the first step, zeros after.
 * - 'pulses': all ones at the first step and every PULSE_PERIOD steps after it, zeros between.
 * - 'sine': feature k is sin(2π(t/12 + k/inputSize)), a wave with a phase per feature.
 */
export function makeInputs(pattern: InputPattern, steps: number, inputSize: number, seed = 0): number[][] {
  if (!Number.isInteger(steps) || steps < 1) throw new Error(`steps must be a positive integer, got ${steps}`);
  if (!Number.isInteger(inputSize) || inputSize < 1) throw new Error(`inputSize must be a positive integer, got ${inputSize}`);
  const row = (value: (k: number) => number) => Array.from({ length: inputSize }, (_, k) => value(k));
  switch (pattern) {
    case 'random': {
      const values = uniformValues(mulberry32(deriveSeed(seed, 3)), steps * inputSize, 1);
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
