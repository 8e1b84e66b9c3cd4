/**
 * The small, seeded problems the cell stepper and the BPTT stepper show, drawn as PyTorch draws them after
 * `torch.manual_seed(seed)`: the cell `nn.RNN/LSTM/GRU(d, h)`, for BPTT an output layer `nn.Linear(h, q)`,
 * then the inputs `torch.randn(T, 1, d)` and, for BPTT, the targets `torch.randint(0, q, (T,))` scored with
 * cross-entropy. Widgets and browser tests build their recorders from here, so a figure in the page and a
 * check in Node see exactly the same numbers, and PyTorch sees them too.
 */
import type { CellKind } from '../cells/types';
import { parameterCounts, resolveLayerConfig } from '../layer/layerConfig';
import { linearParameters, randint, randn, recurrentParameters, TorchGenerator } from '../random';
import { ReaderError } from '../readerMessage';
import { UnrollRecorder, type UnrollOptions } from '../unroll/unroll';

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

/** What the seed draws after the modules: inputs x_t for t = 0…T−1, [T][inputSize]; targets [T] with a loss. */
export interface StepperData {
  inputs: number[][];
  targets: number[] | null;
}

/**
 * The inputs (and targets) of a setup. The modules come first in PyTorch's order, so their draws are made
 * here and dropped (the recorder draws the same weights again from the seed), and the inputs follow them.
 */
export function stepperData(setup: Pick<StepperSetup, 'kind' | 'inputSize' | 'hiddenSize' | 'seqLength' | 'seed' | 'withLoss'>): StepperData {
  const { kind, inputSize, hiddenSize, seqLength, seed, withLoss } = setup;
  const generator = new TorchGenerator(seed);
  recurrentParameters(generator, hiddenSize, parameterCounts(resolveLayerConfig({ kind, inputSize, hiddenSize })));
  if (withLoss) linearParameters(generator, hiddenSize, STEPPER_CLASSES);
  const values = Array.from(randn(generator, seqLength * inputSize));
  const inputs = Array.from({ length: seqLength }, (_, t) => values.slice(t * inputSize, (t + 1) * inputSize));
  return { inputs, targets: withLoss ? Array.from(randint(generator, seqLength, 0, STEPPER_CLASSES)) : null };
}

/** The state before step 0: zeros, as PyTorch starts when h_0 (and c_0) are not given: [hiddenSize] each. */
export function stepperInitialState(setup: Pick<StepperSetup, 'kind' | 'hiddenSize'>): { h0: number[]; c0?: number[] } {
  const zeros = () => new Array<number>(setup.hiddenSize).fill(0);
  return setup.kind === 'LSTM' ? { h0: zeros(), c0: zeros() } : { h0: zeros() };
}

/** A size the stepper draws with: a whole number of at least 1, or a reader error naming the field. */
function requireSize(value: number, field: 'inputSize' | 'hiddenSize' | 'seqLength'): void {
  if (!Number.isInteger(value) || value < 1) throw new ReaderError({ key: 'cellStepper:sizeInvalid', values: { field, value } });
}

/** The recorder options for a setup (validated here so a reader's odd value gets a clear message). */
export function stepperOptions(setup: StepperSetup): UnrollOptions {
  const { kind, inputSize, hiddenSize, seqLength, seed, withLoss, truncation, clipNorm } = setup;
  requireSize(inputSize, 'inputSize');
  requireSize(hiddenSize, 'hiddenSize');
  requireSize(seqLength, 'seqLength');
  if (!Number.isInteger(seed)) throw new ReaderError({ key: 'cellStepper:seedInvalid', values: { seed } });
  const { inputs, targets } = stepperData(setup);
  const options: UnrollOptions = { kind, inputSize, hiddenSize, inputs, seed, ...stepperInitialState(setup) };
  if (!withLoss || !targets) return options;
  return {
    ...options,
    output: { size: STEPPER_CLASSES },
    loss: { kind: 'crossEntropy', targets },
    ...(truncation !== undefined ? { truncation } : {}),
    ...(clipNorm !== undefined ? { clipNorm } : {}),
  };
}

/** A recorder for a setup at position 0; it holds no tensors. */
export function createStepperRecorder(setup: StepperSetup): Promise<UnrollRecorder> {
  return UnrollRecorder.create(stepperOptions(setup));
}
