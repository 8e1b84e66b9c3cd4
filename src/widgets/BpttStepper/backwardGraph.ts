/**
 * BPTT as wires of the unrolled picture: ∂L/∂h_t arriving from the output (above) and from the future
 * (from the right), their sum and the pre-activation gradient inside the cell, ∂L/∂x_t leaving below and
 * ∂L/∂h_{t−1} leaving to the left, where truncation may cut it.
 */
import type { GraphColumn, GraphWire } from '../../components/UnrolledGraph';
import type { CellKind } from '../../core/cells/types';
import type { UnrollSnapshot } from '../../core/unroll/unroll';
import { stepNumber, sub } from '../StepperKit/labels';

const GATES: Record<CellKind, number> = { RNN: 1, LSTM: 4, GRU: 3 };

/**
 * The incoming state of the step at array index t is detached by truncation every k steps (t = k, 2k, …), as
 * the recorder does: printed 1-based, the state h_k entering step k + 1 is cut, then h_2k, ….
 */
export const isCutAt = (t: number, truncation: number | undefined) => truncation !== undefined && t > 0 && t % truncation === 0;

export interface BackwardGraphInput {
  kind: CellKind;
  hiddenSize: number;
  inputSize: number;
  seqLength: number;
  truncation: number | undefined;
  snapshot: UnrollSnapshot | null;
  /** the array index of the step BPTT processed last: its wires stand for the equations' terms */
  active: number | null;
}

/**
 * The equation terms a wire stands for while step `active` is on show: the active column's gradients, and
 * the gradients leaving it to the left (∂L/∂h_{t−1}, ∂L/∂c_{t−1}) unless truncation cuts them there, when
 * the wire does not carry them.
 */
const ACTIVE_TERMS: Record<string, string> = { dout: 'dout', dfut: 'dfut', dc: 'dc_fut', dh: 'dh', da: 'delta', dx: 'dx' };
const LEAVING_TERMS: Record<string, string> = { dfut: 'dh_prev', dc: 'dc_prev', 'dh-init': 'dh_prev', 'dc-init': 'dc_prev' };

function withTerms(wire: GraphWire, active: number | null): GraphWire {
  if (active === null) return wire;
  const [name, at] = wire.id.split('-');
  const term = at === 'init' ? (active === 0 ? LEAVING_TERMS[wire.id] : undefined) : Number(at) === active ? ACTIVE_TERMS[name] : Number(at) === active - 1 && !wire.cut ? LEAVING_TERMS[name] : undefined;
  return term ? { ...wire, terms: [term] } : wire;
}

/** Columns and the wires leaving step 1 to the left (to h₀), for `UnrolledGraph` in the backward direction. */
export function backwardGraph({ kind, hiddenSize: H, inputSize, seqLength, truncation, snapshot, active }: BackwardGraphInput): { columns: GraphColumn[]; initial: GraphWire[] } {
  const lstm = kind === 'LSTM';
  const backward = snapshot?.backward ?? [];
  const step0 = backward[0];
  const initial: GraphWire[] = [
    ...(lstm ? [{ id: 'dc-init', label: `∂c${sub(0)}`, name: '∂L/∂c_0, the gradient reaching the initial cell state (PyTorch’s c_0 argument)', values: step0?.dcPrev ?? null, size: H }] : []),
    { id: 'dh-init', label: `∂h${sub(0)}`, name: '∂L/∂h_0, the gradient reaching the initial hidden state (PyTorch’s h_0 argument)', values: step0?.dhPrev ?? null, size: H },
  ].map((wire) => withTerms(wire, active));
  // Wire ids keep the engine's array index t; what is printed counts steps from 1 (n = t + 1).
  const columns = Array.from({ length: seqLength }, (_, t): GraphColumn => {
    const n = stepNumber(t);
    const b = backward[t];
    const next = backward[t + 1];
    const cut = isCutAt(t + 1, truncation);
    // What step n receives from the future: known once step n + 1 has been processed (nothing beyond the end).
    const fromFuture = b?.dhFromFuture ?? (next && !cut ? next.dhPrev : null);
    const cFromFuture = b?.dcFromFuture ?? (next && !cut ? (next.dcPrev ?? null) : null);
    const future = t === seqLength - 1 ? 'beyond the last step (always zero)' : `from step ${n + 1}${cut ? ', cut by truncation' : ''}`;
    const column: GraphColumn = {
      top: { id: `dout-${t}`, label: `∂h${sub(n)} out`, name: `∂L/∂h_${n} from the output at step ${n}: (softmax(o_${n}) − onehot(y_${n}))·W_o`, values: b?.dhFromOutput ?? null, size: H },
      bottom: { id: `dx-${t}`, label: `∂x${sub(n)}`, name: `∂L/∂x_${n}, the gradient reaching the input at step ${n}`, values: b?.dx ?? null, size: inputSize },
      inner: [
        { id: `dh-${t}`, label: '∂h', name: `∂L/∂h_${n} in total at step ${n}: from the output plus from the future`, values: b?.dh ?? null, size: H },
        {
          id: `da-${t}`,
          label: '∂a',
          name: `∂L/∂(h_${n - 1}·W_hhᵀ + b_hh) at step ${n}: the gradient at the ${kind === 'RNN' ? 'pre-activation' : 'gate pre-activations'}, also this step’s share of ∂L/∂b_hh`,
          values: (b?.contributions.bias_hh_l0 as number[] | undefined) ?? null,
          size: GATES[kind] * H,
        },
      ],
      links: [
        ...(lstm ? [{ id: `dc-${t}`, label: `∂c${sub(n)}`, name: `∂L/∂c_${n} arriving ${future}`, values: cFromFuture, size: H, cut }] : []),
        { id: `dfut-${t}`, label: `∂h${sub(n)} fut`, name: `∂L/∂h_${n} arriving ${future}`, values: fromFuture, size: H, cut },
      ],
    };
    if (active === null || (t !== active && t !== active - 1)) return column;
    const mark = (wire: GraphWire) => withTerms(wire, active);
    return { top: mark(column.top), bottom: mark(column.bottom), inner: column.inner.map(mark), links: column.links.map(mark) };
  });
  return { columns, initial };
}
