/** The forward pass as wires of the unrolled picture: what each wire carries at the recorder's cursor. */
import type { GraphColumn, GraphWire } from '../../components/UnrolledGraph';
import type { CellKind } from '../../core/cells/types';
import type { ForwardStepRecord } from '../../core/unroll/unroll';
import { INITIAL_CELL_NOTE, INITIAL_NOTE, stepNumber, sub } from '../StepperKit/labels';

/** The intermediates drawn inside each cell, by kind, with what they are called in words. */
export const INNER_VALUES: Record<CellKind, { key: string; label: string; name: string; gate?: boolean }[]> = {
  RNN: [{ key: 'a', label: 'a', name: 'pre-activation a = x·W_ihᵀ + b_ih + h·W_hhᵀ + b_hh' }],
  LSTM: [
    { key: 'i', label: 'i', gate: true, name: 'input gate i = σ(·)' },
    { key: 'f', label: 'f', gate: true, name: 'forget gate f = σ(·)' },
    { key: 'g', label: 'g', name: 'candidate g = tanh(·)' },
    { key: 'o', label: 'o', gate: true, name: 'output gate o = σ(·)' },
  ],
  GRU: [
    { key: 'r', label: 'r', gate: true, name: 'reset gate r = σ(·)' },
    { key: 'z', label: 'z', gate: true, name: 'update gate z = σ(·)' },
    { key: 'n', label: 'n', name: 'candidate n = tanh(·)' },
  ],
};

export interface ForwardGraphInput {
  kind: CellKind;
  hiddenSize: number;
  /** the input of every step (given data, shown from the start): [T][inputSize], row k is x_{k+1} */
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
    ...(lstm ? [{ id: 'c-init', label: `c${sub(0)}`, name: `c_0, ${INITIAL_CELL_NOTE}`, values: c0 ?? null, size: H }] : []),
    { id: 'h-init', label: `h${sub(0)}`, name: `h_0, ${INITIAL_NOTE}`, values: h0, size: H },
  ];
  // Wire ids keep the engine's array index t; what is printed counts steps from 1 (n = t + 1).
  const columns = inputs.map((x, t): GraphColumn => {
    const record = forward[t];
    const n = stepNumber(t);
    const h: GraphWire = { id: `h-${t}`, label: `h${sub(n)}`, name: `h_${n}, the hidden state after step ${n} (output[${t}])`, values: record?.values.h ?? null, size: H };
    return {
      bottom: { id: `x-${t}`, label: `x${sub(n)}`, name: `x_${n}, the input at step ${n}`, values: x, size: x.length },
      top: h,
      inner: INNER_VALUES[kind].map(({ key, label, name, gate }) => ({
        id: `${key}-${t}`,
        label,
        gate,
        name: `${key}_${n}, ${name} at step ${n}`,
        values: record?.values[key] ?? null,
        size: H,
      })),
      links: [
        ...(lstm ? [{ id: `c-${t}`, label: `c${sub(n)}`, name: `c_${n}, the cell state after step ${n}`, values: record?.values.c ?? null, size: H }] : []),
        { ...h, id: `h-link-${t}` },
      ],
    };
  });
  return { columns, initial };
}
