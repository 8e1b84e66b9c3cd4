/**
 * Chapter 2's worked example, in the notes' row-vector layout: the state and the input are concatenated,
 * [h_{t−1}, x_t] (1 × (H + I)), and multiplied by one cell matrix ((H + I) × H):
 *   h_t = tanh([h_{t−1}, x_t]·W + b),  o_t = h_t·W_o + b_o.
 * PyTorch splits W into weight_hh = (first H rows)ᵀ and weight_ih = (last I rows)ᵀ; `toStateDict` does that,
 * so the same numbers run through the engine's RNN cell.
 */
import { getReferenceCell, matMulTransposed, type Matrix } from '../reference';
import { UnrollRecorder } from '../unroll/unroll';

/** The example's numbers in the notes' layout; the widget may edit them (sizes must stay consistent). */
export interface WorkedExample {
  /** x_t for each step: [T][I] */
  inputs: number[][];
  /** initial state: [H] */
  h0: number[];
  /** cell weights applied to [state, x]: [H + I][H] */
  cellWeight: number[][];
  /** cell bias: [H] */
  cellBias: number[];
  /** output weights: [H][Q] */
  outputWeight: number[][];
  /** output bias: [Q] */
  outputBias: number[];
}

/** The example exactly as the notes give it. */
export const WORKED_EXAMPLE: WorkedExample = {
  inputs: [[1], [2]],
  h0: [0, 0],
  cellWeight: [
    [0.1, 0.2],
    [0.3, 0.4],
    [0.5, 0.6],
  ],
  cellBias: [0.1, -0.1],
  outputWeight: [[1.0], [2.0]],
  outputBias: [0.1],
};

/** What the notes print for it: the state and the output after each step. */
export const WORKED_EXAMPLE_EXPECTED = {
  states: [
    [0.53704957, 0.46211716],
    [0.85973818, 0.88366641],
  ],
  outputs: [[1.56128388], [2.72707101]],
};

/** Every step's state and output. */
export interface WorkedExampleResult {
  /** h_t: [T][H] */
  states: number[][];
  /** o_t: [T][Q] */
  outputs: number[][];
}

const transpose = (m: Matrix): Matrix => (m[0] ?? []).map((_, j) => m.map((row) => row[j]));

/** The cell in PyTorch's layout (weight_ih_l0 [H, I], weight_hh_l0 [H, H], bias_ih_l0 = b, bias_hh_l0 = 0). */
export function toStateDict(example: WorkedExample): Record<string, number[] | number[][]> {
  const H = example.h0.length;
  return {
    weight_ih_l0: transpose(example.cellWeight.slice(H)),
    weight_hh_l0: transpose(example.cellWeight.slice(0, H)),
    bias_ih_l0: example.cellBias,
    bias_hh_l0: example.cellBias.map(() => 0),
  };
}

/** The example in float64 on the reference cell. */
export function computeWorkedExampleReference(example: WorkedExample = WORKED_EXAMPLE): WorkedExampleResult {
  const cell = getReferenceCell('RNN', 'tanh');
  const p = toStateDict(example) as Record<string, Matrix>;
  const params = { weightIh: p.weight_ih_l0, weightHh: p.weight_hh_l0, biasIh: example.cellBias, biasHh: null };
  const outputWeight = transpose(example.outputWeight);
  const states: number[][] = [];
  const outputs: number[][] = [];
  let h: Matrix = [example.h0];
  for (const x of example.inputs) {
    h = cell.forwardStep(params, [x], { h }).state.h;
    states.push(h[0]);
    outputs.push(matMulTransposed(h, outputWeight)[0].map((v, q) => v + example.outputBias[q]));
  }
  return { states, outputs };
}

/** A stepper over the example on the live backend (forward only: the notes give no loss). */
export function createWorkedExampleRecorder(example: WorkedExample = WORKED_EXAMPLE): Promise<UnrollRecorder> {
  return UnrollRecorder.create({
    kind: 'RNN',
    inputSize: example.inputs[0]?.length ?? 0,
    hiddenSize: example.h0.length,
    inputs: example.inputs,
    h0: example.h0,
    params: toStateDict(example),
    output: { size: example.outputBias.length, weight: transpose(example.outputWeight), bias: example.outputBias },
  });
}

/** The example on tfjs tensors: every step's state and output as plain numbers. */
export async function computeWorkedExample(example: WorkedExample = WORKED_EXAMPLE): Promise<WorkedExampleResult> {
  const recorder = await createWorkedExampleRecorder(example);
  recorder.seek(recorder.maxPosition);
  const { forward } = recorder.snapshot();
  recorder.dispose();
  return { states: forward.map((f) => f.values.h), outputs: forward.map((f) => f.y ?? []) };
}
