/**
 * The unroll recorder behind every stepper: one sequence through one cell (batch 1), an optional linear
 * output layer and a loss. A cursor moves one time step at a time through the forward pass (positions
 * 0…T) and then back through BPTT (positions T+1…2T, processing t = T−1 down to 0), and in both directions.
 *
 *   const rec = await UnrollRecorder.create({ kind: 'RNN', inputSize: 1, hiddenSize: 2, inputs: [[1], [2]] });
 *   rec.stepForward();
 *   const view = rec.snapshot(); // plain numbers only
 *
 * Everything is computed in `create` (forward with `forwardStep`, BPTT with the analytic `backwardStep`) and
 * read back to plain numbers; the recorder holds no tensors, so moving the cursor is instant and cannot leak.
 */
import { getCell } from '../cells';
import type { CellKind, CellParams, Nonlinearity } from '../cells/types';
import { RecurrentLayer } from '../layer/layer';
import { parameterName, positiveInteger } from '../layer/layerConfig';
import { linearParameters, TorchGenerator } from '../random';
import {
  OUTPUT_BIAS,
  OUTPUT_WEIGHT,
  recordUnroll,
  type BackwardStepRecord,
  type ForwardStepRecord,
  type ParamValues,
  type UnrollLoss,
} from './unrollRecord';

export type { BackwardStepRecord, ForwardStepRecord, ParamValues, UnrollLoss } from './unrollRecord';
export { OUTPUT_BIAS, OUTPUT_WEIGHT } from './unrollRecord';

/** What to unroll. Sizes: T = inputs.length; vectors are plain arrays (one sequence, batch 1). */
export interface UnrollOptions {
  kind: CellKind;
  /** RNN only (default 'tanh') */
  nonlinearity?: Nonlinearity;
  inputSize: number;
  hiddenSize: number;
  /** whether the cell has biases (default true) */
  bias?: boolean;
  /** x_t for t = 0…T−1: [T][inputSize] */
  inputs: number[][];
  /** initial hidden state [hiddenSize] (default zeros) */
  h0?: number[];
  /** initial cell state [hiddenSize] (LSTM; default zeros) */
  c0?: number[];
  /** the cell's parameters as a one-layer PyTorch state_dict (weight_ih_l0, …); default: PyTorch's init from `seed` */
  params?: unknown;
  /** `torch.manual_seed(seed)` before the cell and then the output layer are built (default 0) */
  seed?: number;
  /** a linear output layer y_t = h_t·Wᵀ + b like nn.Linear(hidden, size): `weight` [size][hidden], `bias`
   *  [size] or null for none; a missing weight or bias gets nn.Linear's init U(−1/√hidden, 1/√hidden) */
  output?: { size: number; weight?: number[][]; bias?: number[] | null };
  /** without a loss there is no backward pass and the cursor stops at T */
  loss?: UnrollLoss;
  /** truncated BPTT: detach the state every k steps, so gradients never cross t = k, 2k, … (default: none) */
  truncation?: number;
  /** global-norm clipping threshold θ applied to the final gradients (default: none) */
  clipNorm?: number;
}

/** Global-norm clipping g ← θ·g/‖g‖ when ‖g‖ > θ, applied to the complete gradients. */
export interface ClippingReport {
  threshold: number;
  /** ‖g‖ over all parameters before clipping */
  norm: number;
  /** θ/‖g‖ when ‖g‖ > θ, else 1 */
  scale: number;
  /** g·scale */
  gradients: Record<string, ParamValues>;
}

/** Everything at the cursor, as plain numbers. */
export interface UnrollSnapshot {
  /** 0…maxPosition: forward steps taken, then BPTT steps taken */
  position: number;
  maxPosition: number;
  /** T */
  length: number;
  phase: 'forward' | 'backward';
  /** forward steps computed: 0…T */
  forwardCursor: number;
  /** BPTT steps processed: 0…T */
  backwardCursor: number;
  /** the time step the last move reached, or null at position 0 */
  activeStep: number | null;
  /** parameter values by name: cell under PyTorch's names, output layer as linear.weight / linear.bias */
  params: Record<string, ParamValues>;
  /** steps 0 … forwardCursor−1 */
  forward: ForwardStepRecord[];
  /** indexed by t; null where BPTT has not arrived yet */
  backward: (BackwardStepRecord | null)[];
  /** Σ of the step losses computed so far, or null without a loss */
  loss: number | null;
  /** gradients accumulated so far (zeros during the forward pass) */
  gradients: Record<string, ParamValues>;
  /** ‖∂L/∂h_t‖ by t, null where BPTT has not arrived yet */
  gradNorms: (number | null)[];
  /** ‖g‖ of `gradients` over all parameters */
  globalGradNorm: number;
  /** clipping of the full gradients, once BPTT is complete and `clipNorm` was given */
  clipping: ClippingReport | null;
}

interface Recording {
  params: Record<string, ParamValues>;
  forward: ForwardStepRecord[];
  backward: BackwardStepRecord[];
  hasLoss: boolean;
  clipNorm: number | null;
}

const mapValues = (g: Record<string, ParamValues>, f: (v: number) => number): Record<string, ParamValues> =>
  Object.fromEntries(Object.entries(g).map(([k, v]) => [k, (v as (number | number[])[]).map((x) => (Array.isArray(x) ? x.map(f) : f(x)))] as [string, ParamValues]));

function globalNorm(g: Record<string, ParamValues>): number {
  let sum = 0;
  for (const v of Object.values(g).flat(2)) sum += v * v;
  return Math.sqrt(sum);
}

function checkRows(value: number[][] | undefined, rows: number, cols: number, field: string): void {
  if (!value || value.length !== rows || value.some((r) => !Array.isArray(r) || r.length !== cols || r.some((v) => !Number.isFinite(v)))) {
    throw new Error(`${field} must be ${rows} rows of ${cols} finite numbers`);
  }
}

/** A recorded unroll with a cursor; see the top of this file. */
export class UnrollRecorder {
  private cursor = 0;

  private constructor(private recording: Recording | null) {}

  private get live(): Recording {
    if (!this.recording) throw new Error('this UnrollRecorder has been disposed');
    return this.recording;
  }

  /** Validates the options, runs the forward pass and (with a loss) BPTT, and returns a recorder at position 0. */
  static async create(options: UnrollOptions): Promise<UnrollRecorder> {
    const { kind, inputSize, hiddenSize, inputs, loss, output, seed = 0 } = options;
    const T = inputs.length;
    if (T < 1) throw new Error('inputs must hold at least one time step');
    checkRows(inputs, T, inputSize, 'inputs');
    const h0 = options.h0 ?? new Array<number>(hiddenSize).fill(0);
    checkRows([h0], 1, hiddenSize, 'h0');
    const c0 = kind === 'LSTM' ? (options.c0 ?? new Array<number>(hiddenSize).fill(0)) : undefined;
    if (c0) checkRows([c0], 1, hiddenSize, 'c0');
    else if (options.c0) throw new Error(`c0 is only for LSTM, not ${kind}`);
    const ySize = output ? output.size : hiddenSize;
    if (loss?.kind === 'crossEntropy') {
      if (!output) throw new Error('a cross-entropy loss needs an output layer');
      if (loss.targets.length !== T || loss.targets.some((k) => !Number.isInteger(k) || k < 0 || k >= ySize)) {
        throw new Error(`targets must be ${T} class indices in [0, ${ySize})`);
      }
    } else if (loss?.kind === 'gradient') {
      checkRows(loss.grads, T, ySize, 'loss.grads');
    }
    const { truncation, clipNorm } = options;
    if (truncation !== undefined && !(Number.isInteger(truncation) && truncation >= 1)) throw new Error('truncation must be a positive integer');
    if (clipNorm !== undefined && !(clipNorm > 0)) throw new Error('clipNorm must be positive');

    const generator = new TorchGenerator(seed); // as torch.manual_seed(seed), then the cell, then nn.Linear
    const layer = RecurrentLayer.create({ kind, inputSize, hiddenSize, bias: options.bias, nonlinearity: options.nonlinearity }, generator);
    try {
      const outputLayer = output ? resolveOutput(output, hiddenSize, generator) : null;
      if (options.params !== undefined) layer.loadStateDict(options.params);
      const stateDict = await layer.toStateDict();
      const params: Record<string, ParamValues> = {};
      for (const [name, { shape, data }] of Object.entries(stateDict)) {
        params[name] = shape.length === 1 ? data : Array.from({ length: shape[0] }, (_, r) => data.slice(r * shape[1], (r + 1) * shape[1]));
      }
      if (outputLayer) {
        params[OUTPUT_WEIGHT] = outputLayer.weight;
        if (outputLayer.bias) params[OUTPUT_BIAS] = outputLayer.bias;
      }
      const roles = ['weightIh', 'weightHh', 'biasIh', 'biasHh'] as const;
      const { forward, backward } = await recordUnroll({
        cell: getCell(kind, options.nonlinearity),
        params: layer.cellParams(0, 0),
        names: Object.fromEntries(roles.map((r) => [r, parameterName(r, 0, 0)])) as Record<keyof CellParams, string>,
        inputs,
        h0,
        c0,
        output: outputLayer,
        loss: loss ?? null,
        truncation: truncation ?? null,
      });
      return new UnrollRecorder({ params, forward, backward, hasLoss: !!loss, clipNorm: clipNorm ?? null });
    } finally {
      layer.dispose();
    }
  }

  /** T */
  get length(): number {
    return this.live.forward.length;
  }

  /** T without a loss, else 2T (the end of BPTT). */
  get maxPosition(): number {
    return this.live.hasLoss ? 2 * this.length : this.length;
  }

  /** 0…maxPosition: forward steps taken, then BPTT steps taken. */
  get position(): number {
    return this.cursor;
  }

  /** Forward steps computed so far: 0…T. */
  get forwardCursor(): number {
    return Math.min(this.cursor, this.length);
  }

  /** BPTT steps processed so far: 0…T. */
  get backwardCursor(): number {
    return Math.max(0, this.cursor - this.length);
  }

  /** Moves one step on (the next forward step, then the next BPTT step); false at the end. */
  stepForward(): boolean {
    if (this.cursor >= this.maxPosition) return false;
    this.cursor++;
    return true;
  }

  /** Moves one step back (undoing a BPTT step, then a forward step); false at the start. */
  stepBackward(): boolean {
    if (this.cursor <= 0) return false;
    this.cursor--;
    return true;
  }

  /** Jumps to a position in 0…maxPosition. */
  seek(position: number): void {
    if (!Number.isInteger(position) || position < 0 || position > this.maxPosition) {
      throw new Error(`position must be an integer in [0, ${this.maxPosition}], got ${position}`);
    }
    this.cursor = position;
  }

  /** Back to position 0. */
  reset(): void {
    this.cursor = 0;
  }

  /** The state at the cursor. The records are shared between snapshots: treat them as read-only. */
  snapshot(): UnrollSnapshot {
    const { params, forward, backward, clipNorm, hasLoss } = this.live;
    const T = this.length;
    const done = this.backwardCursor;
    const firstDone = T - done;
    const reached = backward.map((b, t) => (done > 0 && t >= firstDone ? b : null));
    const gradients = done > 0 ? backward[firstDone].accumulated : mapValues(params, () => 0);
    const computed = forward.slice(0, this.forwardCursor);
    const complete = hasLoss && done === T;
    const norm = globalNorm(gradients);
    const scale = clipNorm !== null && norm > clipNorm ? clipNorm / norm : 1;
    return {
      position: this.cursor,
      maxPosition: this.maxPosition,
      length: T,
      phase: this.cursor <= T ? 'forward' : 'backward',
      forwardCursor: this.forwardCursor,
      backwardCursor: done,
      activeStep: this.cursor === 0 ? null : this.cursor <= T ? this.cursor - 1 : firstDone,
      params,
      forward: computed,
      backward: reached,
      loss: hasLoss ? computed.reduce((sum, f) => sum + (f.loss ?? 0), 0) : null,
      gradients,
      gradNorms: reached.map((b) => b?.dhNorm ?? null),
      globalGradNorm: norm,
      clipping:
        complete && clipNorm !== null
          ? { threshold: clipNorm, norm, scale, gradients: mapValues(gradients, (v) => v * scale) }
          : null,
    };
  }

  /** Drops the records. The recorder holds no tensors, so this frees memory only; later calls throw. */
  dispose(): void {
    this.recording = null;
    this.cursor = 0;
  }
}

/** The output layer's weights: given, or nn.Linear's init (both always drawn, as PyTorch draws both). */
function resolveOutput(output: NonNullable<UnrollOptions['output']>, hiddenSize: number, generator: TorchGenerator) {
  const { size } = output;
  positiveInteger(size, 'output.size');
  const drawn = linearParameters(generator, hiddenSize, size);
  const weight = output.weight ?? Array.from({ length: size }, (_, r) => Array.from(drawn.weight.subarray(r * hiddenSize, (r + 1) * hiddenSize)));
  checkRows(weight, size, hiddenSize, 'output.weight');
  const bias = output.bias === null ? null : (output.bias ?? Array.from(drawn.bias ?? []));
  if (bias) checkRows([bias], 1, size, 'output.bias');
  return { weight, bias };
}
