/** The forward pass as wires of the unrolled picture: what each wire carries at the recorder's cursor. */
import type { GraphColumn, GraphWire } from '../../components/UnrolledGraph';
import type { CellKind } from '../../core/cells/types';
import type { ForwardStepRecord } from '../../core/unroll';
import { sub } from './labels';

/** The intermediates drawn inside each cell, by kind, with what they are called in words. */
export const INNER_VALUES: Record<CellKind, { key: string; label: string; name: string }[]> = {
  RNN: [{ key: 'a', label: 'a', name: 'pre-activation a = x·W_ihᵀ + b_ih + h·W_hhᵀ + b_hh' }],
  LSTM: [
    { key: 'i', label: 'i', name: 'input gate i = σ(·)' },
    { key: 'f', label: 'f', name: 'forget gate f = σ(·)' },
    { key: 'g', label: 'g', name: 'candidate g = tanh(·)' },
    { key: 'o', label: 'o', name: 'output gate o = σ(·)' },
  ],
  GRU: [
    { key: 'r', label: 'r', name: 'reset gate r = σ(·)' },
    { key: 'z', label: 'z', name: 'update gate z = σ(·)' },
    { key: 'n', label: 'n', name: 'candidate n = tanh(·)' },
  ],
};

export interface ForwardGraphInput {
  kind: CellKind;
  hiddenSize: number;
  /** x_t for every step (given data, shown from the start): [T][inputSize] */
  inputs: number[][];
  h0: number[];
  c0?: number[];
  /** the steps computed so far */
  forward: ForwardStepRecord[];
}

/** Columns and initial wires for `UnrolledGraph` in the forward direction. */
export function forwardGraph({ kind, hiddenSize, inputs, h0, c0, forward }: ForwardGraphInput): { columns: GraphColumn[]; initial: GraphWire[] } {
  const H = hiddenSize;
  const lstm = kind === 'LSTM';
  const initial: GraphWire[] = [
    ...(lstm ? [{ id: 'c-init', label: `c${sub(-1)}`, name: 'c_{−1}, the initial cell state before step 0 (PyTorch’s c_0 argument)', values: c0 ?? null, size: H }] : []),
    { id: 'h-init', label: `h${sub(-1)}`, name: 'h_{−1}, the initial hidden state before step 0 (PyTorch’s h_0 argument)', values: h0, size: H },
  ];
  const columns = inputs.map((x, t): GraphColumn => {
    const record = forward[t];
    const h: GraphWire = { id: `h-${t}`, label: `h${sub(t)}`, name: `h_${t}, the hidden state after step ${t} (output[${t}])`, values: record?.values.h ?? null, size: H };
    return {
      bottom: { id: `x-${t}`, label: `x${sub(t)}`, name: `x_${t}, the input at step ${t}`, values: x, size: x.length },
      top: h,
      inner: INNER_VALUES[kind].map(({ key, label, name }) => ({
        id: `${key}-${t}`,
        label,
        name: `${key}_${t}, ${name} at step ${t}`,
        values: record?.values[key] ?? null,
        size: H,
      })),
      links: [
        ...(lstm ? [{ id: `c-${t}`, label: `c${sub(t)}`, name: `c_${t}, the cell state after step ${t}`, values: record?.values.c ?? null, size: H }] : []),
        { ...h, id: `h-link-${t}` },
      ],
    };
  });
  return { columns, initial };
}
