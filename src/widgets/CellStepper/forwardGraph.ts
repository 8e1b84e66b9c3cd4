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
  /** the active step's array index: its wires (and the state entering it) stand for the equations' terms */
  active: number | null;
}

/**
 * The equation terms each wire stands for while step `active` is on show: x_t, the gates and h_t of the
 * active column, and h_{t−1} (c_{t−1}) on the wires entering it, whose link also stands for W_hh.
 */
function termsAt(id: string, active: number | null): string[] | undefined {
  if (active === null) return undefined;
  const [name, ...rest] = id.split('-');
  const at = rest.at(-1) === 'init' ? -1 : Number(rest.at(-1));
  const link = rest[0] === 'link';
  if (at === active) {
    if (name === 'x') return ['x', 'W_ih'];
    return [name];
  }
  if (at !== active - 1) return undefined;
  if (name === 'h') return link || at === -1 ? ['h_prev', 'W_hh'] : ['h_prev'];
  if (name === 'c') return ['c_prev'];
  return undefined;
}

const withTerms = <W extends GraphWire>(wire: W, active: number | null): W => {
  const terms = termsAt(wire.id, active);
  return terms ? { ...wire, terms } : wire;
};

/** Columns and initial wires for `UnrolledGraph` in the forward direction. */
export function forwardGraph({ kind, hiddenSize, inputs, h0, c0, forward, active }: ForwardGraphInput): { columns: GraphColumn[]; initial: GraphWire[] } {
  const H = hiddenSize;
  const lstm = kind === 'LSTM';
  const initial: GraphWire[] = [
    ...(lstm ? [{ id: 'c-init', label: `c${sub(0)}`, name: `c_0, ${INITIAL_CELL_NOTE}`, values: c0 ?? null, size: H }] : []),
    { id: 'h-init', label: `h${sub(0)}`, name: `h_0, ${INITIAL_NOTE}`, values: h0, size: H },
  ].map((wire) => withTerms(wire, active));
  // Wire ids keep the engine's array index t; what is printed counts steps from 1 (n = t + 1).
  const columns = inputs.map((x, t): GraphColumn => {
    const record = forward[t];
    const n = stepNumber(t);
    const h: GraphWire = { id: `h-${t}`, label: `h${sub(n)}`, name: `h_${n}, the hidden state after step ${n} (output[${t}])`, values: record?.values.h ?? null, size: H };
    const column: GraphColumn = {
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
    if (active === null || (t !== active && t !== active - 1)) return column;
    return { top: withTerms(column.top, active), bottom: withTerms(column.bottom, active), inner: column.inner.map((w) => withTerms(w, active)), links: column.links.map((w) => withTerms(w, active)) };
  });
  return { columns, initial };
}
