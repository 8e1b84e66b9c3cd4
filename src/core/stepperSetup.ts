/**
 * The small, seeded problems the cell stepper and the BPTT stepper show: a sequence of inputs drawn from the
 * seed, PyTorch's default initialisation from the same seed, and (for BPTT) a linear output layer scored
 * with cross-entropy against seeded target classes. Widgets and browser tests build their recorders from
 * here, so a figure in the page and a check in Node see exactly the same numbers.
 */
import type { CellKind } from './cells/types';
import { deriveSeed, mulberry32, uniformValues } from './random';
import { UnrollRecorder, type UnrollOptions } from './unroll';

/** Number of classes the BPTT stepper's output layer scores. */
export const STEPPER_CLASSES = 3;

/** What a reader picks in a stepper. */
export interface StepperSetup {
  kind: CellKind;
  inputSize: number;
  hiddenSize: number;
  /** T */
  seqLength: number;
  seed: number;
  /** add an output layer and a cross-entropy loss, so the recorder also runs BPTT */
  withLoss?: boolean;
  /** truncated BPTT every k steps (only with a loss) */
  truncation?: number;
  /** global-norm clipping threshold (only with a loss) */
  clipNorm?: number;
}

function positiveInteger(value: number, field: string): void {
  if (!Number.isInteger(value) || value < 1) throw new Error(`${field} must be a positive integer, got ${value}`);
}

/** x_t for t = 0…T−1, each entry U(−1, 1) from a stream of the seed's own: [T][inputSize]. */
export function stepperInputs(seed: number, seqLength: number, inputSize: number): number[][] {
  const values = Array.from(uniformValues(mulberry32(deriveSeed(seed, 10)), seqLength * inputSize, 1));
  return Array.from({ length: seqLength }, (_, t) => values.slice(t * inputSize, (t + 1) * inputSize));
}

/** One target class in [0, STEPPER_CLASSES) per time step: [T]. */
export function stepperTargets(seed: number, seqLength: number): number[] {
  const rng = mulberry32(deriveSeed(seed, 11));
  return Array.from({ length: seqLength }, () => Math.floor(rng.next() * STEPPER_CLASSES));
}

/** The state before step 0: zeros, as PyTorch starts when h_0 (and c_0) are not given: [hiddenSize] each. */
export function stepperInitialState(setup: Pick<StepperSetup, 'kind' | 'hiddenSize'>): { h0: number[]; c0?: number[] } {
  const zeros = () => new Array<number>(setup.hiddenSize).fill(0);
  return setup.kind === 'LSTM' ? { h0: zeros(), c0: zeros() } : { h0: zeros() };
}

/** The recorder options for a setup (validated here so a reader's odd value gets a clear message). */
export function stepperOptions(setup: StepperSetup): UnrollOptions {
  const { kind, inputSize, hiddenSize, seqLength, seed, withLoss, truncation, clipNorm } = setup;
  positiveInteger(inputSize, 'inputSize');
  positiveInteger(hiddenSize, 'hiddenSize');
  positiveInteger(seqLength, 'seqLength');
  if (!Number.isInteger(seed)) throw new Error(`seed must be an integer, got ${seed}`);
  const options: UnrollOptions = { kind, inputSize, hiddenSize, inputs: stepperInputs(seed, seqLength, inputSize), seed, ...stepperInitialState(setup) };
  if (!withLoss) return options;
  return {
    ...options,
    output: { size: STEPPER_CLASSES },
    loss: { kind: 'crossEntropy', targets: stepperTargets(seed, seqLength) },
    ...(truncation !== undefined ? { truncation } : {}),
    ...(clipNorm !== undefined ? { clipNorm } : {}),
  };
}

/** A recorder for a setup at position 0; it holds no tensors. */
export function createStepperRecorder(setup: StepperSetup): Promise<UnrollRecorder> {
  return UnrollRecorder.create(stepperOptions(setup));
}
