/**
 * RNN, LSTM and GRU on the same footing: the same input sequence, the same hidden size and one seed for
 * PyTorch's default initialisation, so that the only difference left between them is the cell. The seed
 * builds them as `torch.manual_seed(seed)` then `nn.RNN(d, H)`, `nn.LSTM(d, H)`, `nn.GRU(d, H)` in that
 * order does; random inputs follow them (`makeInputs` with `comparedModules`).
 */
import { CELL_KINDS, type CellKind } from '../cells/types';
import { traceGates, type GateTrace } from './gateTrace';
import type { LayerConfig } from '../layer/layerConfig';
import { TorchGenerator } from '../random';

/** One cell's side of the comparison, as plain numbers. */
export interface ComparedCell {
  kind: CellKind;
  /** `sum(p.numel() for p in module.parameters())` of a one-layer nn.{kind}(inputSize, hiddenSize) */
  numParameters: number;
  /** numParameters relative to the RNN's */
  parameterRatio: number;
  /** h_t for every t: [T][hiddenSize] */
  h: number[][];
  /** ‖h_t‖ for every t: [T] */
  hNorms: number[];
}

/** The comparison: one entry per kind, and one colour limit so the three heatmaps share a scale. */
export interface CellComparison {
  cells: ComparedCell[];
  /** the largest |h_t,j| of all three cells (1 when every h is zero) */
  hLimit: number;
}

/** What to compare: the inputs [T][inputSize] fed to all three cells. */
export interface CellComparisonOptions {
  hiddenSize: number;
  inputs: number[][];
  /** `torch.manual_seed(seed)` before the three cells are built (default 0) */
  seed?: number;
}

/** The modules the comparison builds from its seed, in construction order: one per kind of `CELL_KINDS`. */
export function comparedModules(inputSize: number, hiddenSize: number): LayerConfig[] {
  return CELL_KINDS.map((kind) => ({ kind, inputSize, hiddenSize }));
}

/**
 * Traces the three cells one after the other (one at a time keeps GPU memory low), each built from one
 * generator in `CELL_KINDS` order; no tensor is left behind.
 */
export async function compareCells({ hiddenSize, inputs, seed = 0 }: CellComparisonOptions): Promise<CellComparison> {
  const generator = new TorchGenerator(seed);
  const traces: GateTrace[] = [];
  for (const kind of CELL_KINDS) traces.push(await traceGates({ kind, hiddenSize, inputs, seed: generator, gradients: false }));
  const rnnCount = traces[0].numParameters;
  let hLimit = 0;
  for (const t of traces) for (const row of t.values.h) for (const v of row) hLimit = Math.max(hLimit, Math.abs(v));
  const cells = traces.map((t) => ({
    kind: t.kind,
    numParameters: t.numParameters,
    parameterRatio: t.numParameters / rnnCount,
    h: t.values.h,
    hNorms: t.hNorms,
  }));
  return { cells, hLimit: hLimit || 1 };
}
