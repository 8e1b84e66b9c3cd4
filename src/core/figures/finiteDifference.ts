/**
 * A gradient check for the BPTT stepper: one entry of the gradient the recorder's analytic backward
 * produced, against a central finite difference (L(θ + ε) − L(θ − ε)) / 2ε of the same loss computed in
 * float64 on the reference cells. Float64 makes the difference quotient trustworthy with a tiny ε, so what
 * is left of the disagreement is the float32 arithmetic of the backend.
 *
 * With truncated BPTT the recorder does not follow the gradient of L but of the loss in which the state
 * entering every cut step is a constant. The finite difference differentiates that same objective: the
 * perturbed run restarts each chunk from the unperturbed state, exactly what "detach" means.
 */
import type { CellKind } from '../cells/types';
import { ReaderError } from '../readerMessage';
import { getReferenceCell, matMulTransposed, type Matrix, type RefParams, type RefState } from '../reference';
import { OUTPUT_BIAS, OUTPUT_WEIGHT, UnrollRecorder, type ParamValues, type UnrollOptions } from '../unroll/unroll';

/** One entry of one parameter's gradient, both ways. */
export interface GradientCheck {
  /** the parameter's name, e.g. 'weight_hh_l0' or 'linear.weight' */
  param: string;
  /** [row, col] in a matrix, [k] in a vector */
  index: number[];
  /** the parameter entry θ itself */
  value: number;
  epsilon: number;
  /** ∂L/∂θ from BPTT (before clipping, which only rescales the whole gradient) */
  analytic: number;
  /** (L(θ + ε) − L(θ − ε)) / 2ε in float64 */
  numeric: number;
  lossPlus: number;
  lossMinus: number;
  /** |analytic − numeric| / max(|analytic|, |numeric|), 0 when both are 0 */
  relativeDifference: number;
  /** the factor clipping applies to the complete gradient (1 without clipping or below the threshold) */
  clipScale: number;
}

const CELL_NAMES = { weightIh: 'weight_ih_l0', weightHh: 'weight_hh_l0', biasIh: 'bias_ih_l0', biasHh: 'bias_hh_l0' } as const;

/** Where an entry lives: a matrix row and column, or a vector position. */
function entryOf(values: ParamValues, index: number[], param: string): { read: () => number; write: (v: number) => void } {
  const matrix = Array.isArray(values[0]);
  const shape = matrix ? [values.length, (values[0] as number[]).length] : [values.length];
  const valid = index.length === shape.length && index.every((k, d) => Number.isInteger(k) && k >= 0 && k < shape[d]);
  if (!valid) throw new ReaderError({ key: 'bpttStepper:indexOutside', values: { index: index.join(', '), param, shape: shape.join(', ') } });
  if (matrix) {
    const row = (values as number[][])[index[0]];
    return { read: () => row[index[1]], write: (v) => (row[index[1]] = v) };
  }
  const vector = values as number[];
  return { read: () => vector[index[0]], write: (v) => (vector[index[0]] = v) };
}

/** The index of the entry with the largest |value|: the default entry to check, whose relative error means most. */
export function largestEntry(values: ParamValues): number[] {
  let best: number[] = Array.isArray(values[0]) ? [0, 0] : [0];
  let largest = -1;
  values.forEach((row, r) => {
    if (Array.isArray(row)) {
      row.forEach((v, c) => {
        if (Math.abs(v) > largest) [largest, best] = [Math.abs(v), [r, c]];
      });
    } else if (Math.abs(row) > largest) [largest, best] = [Math.abs(row), [r]];
  });
  return best;
}

function copyParams(params: Record<string, ParamValues>): Record<string, ParamValues> {
  return Object.fromEntries(Object.entries(params).map(([k, v]) => [k, (v as (number | number[])[]).map((x) => (Array.isArray(x) ? [...x] : x))])) as Record<string, ParamValues>;
}

/** Steps whose incoming state truncated BPTT detaches: t = k, 2k, … (never t = 0). */
const isCut = (t: number, truncation: number | undefined) => truncation !== undefined && t > 0 && t % truncation === 0;

/**
 * The loss of one sequence in float64, and the state entering each step ([T] states, each h (and c) [1][H]).
 * Where `frozen` is given, the state entering a cut step is taken from it instead of the run.
 */
export function referenceLoss(
  options: UnrollOptions,
  params: Record<string, ParamValues>,
  frozen: RefState[] | null = null,
): { loss: number; entering: RefState[] } {
  const kind: CellKind = options.kind;
  const cell = getReferenceCell(kind, options.nonlinearity);
  const p: RefParams = {
    weightIh: params[CELL_NAMES.weightIh] as Matrix,
    weightHh: params[CELL_NAMES.weightHh] as Matrix,
    biasIh: (params[CELL_NAMES.biasIh] as number[] | undefined) ?? null,
    biasHh: (params[CELL_NAMES.biasHh] as number[] | undefined) ?? null,
  };
  const H = options.hiddenSize;
  const W = (params[OUTPUT_WEIGHT] as Matrix | undefined) ?? null;
  const b = (params[OUTPUT_BIAS] as number[] | undefined) ?? null;
  let state: RefState = { h: [options.h0 ?? new Array<number>(H).fill(0)] };
  if (kind === 'LSTM') state.c = [options.c0 ?? new Array<number>(H).fill(0)];
  const entering: RefState[] = [];
  let loss = 0;
  options.inputs.forEach((x, t) => {
    if (frozen && isCut(t, options.truncation)) state = frozen[t];
    entering.push(state);
    state = cell.forwardStep(p, [x], state).state;
    const y = W ? matMulTransposed(state.h, W)[0].map((v, q) => v + (b ? b[q] : 0)) : state.h[0];
    if (options.loss?.kind === 'crossEntropy') {
      const top = Math.max(...y);
      const logSumExp = top + Math.log(y.reduce((sum, v) => sum + Math.exp(v - top), 0));
      loss += logSumExp - y[options.loss.targets[t]];
    } else if (options.loss?.kind === 'gradient') {
      const g = options.loss.grads[t];
      loss += y.reduce((sum, v, q) => sum + v * g[q], 0);
    }
  });
  return { loss, entering };
}

/**
 * Checks ∂L/∂`param`[`index`] of the sequence `options` describes (it needs a loss). Without an index the
 * entry with the largest |gradient| is checked.
 * @param epsilon the step ε of the central difference, applied in float64
 */
export async function checkGradientEntry(options: UnrollOptions, param: string, index?: number[], epsilon = 1e-5): Promise<GradientCheck> {
  if (!options.loss) throw new Error('a gradient check needs a loss');
  if (!(epsilon > 0)) throw new Error('epsilon must be positive');
  const recorder = await UnrollRecorder.create(options);
  recorder.seek(recorder.maxPosition);
  const { params, gradients, clipping } = recorder.snapshot();
  recorder.dispose();
  if (!(param in gradients)) throw new ReaderError({ key: 'bpttStepper:unknownParameter', values: { param, known: Object.keys(gradients).join(', ') } });
  const at = index ?? largestEntry(gradients[param]);
  const analytic = entryOf(gradients[param], at, param).read();

  const perturbed = copyParams(params);
  const entry = entryOf(perturbed[param], at, param);
  const value = entry.read();
  const { entering } = referenceLoss(options, params);
  entry.write(value + epsilon);
  const lossPlus = referenceLoss(options, perturbed, entering).loss;
  entry.write(value - epsilon);
  const lossMinus = referenceLoss(options, perturbed, entering).loss;
  const numeric = (lossPlus - lossMinus) / (2 * epsilon);
  const scale = Math.max(Math.abs(analytic), Math.abs(numeric));
  return {
    param,
    index: at,
    value,
    epsilon,
    analytic,
    numeric,
    lossPlus,
    lossMinus,
    relativeDifference: scale === 0 ? 0 : Math.abs(analytic - numeric) / scale,
    clipScale: clipping?.scale ?? 1,
  };
}
