/**
 * BPTT as wires of the unrolled picture: ∂L/∂h_t arriving from the output (above) and from the future
 * (from the right), their sum and the pre-activation gradient inside the cell, ∂L/∂x_t leaving below and
 * ∂L/∂h_{t−1} leaving to the left, where truncation may cut it.
 */
import type { GraphColumn, GraphWire } from '../../components/UnrolledGraph';
import type { CellKind } from '../../core/cells/types';
import type { UnrollSnapshot } from '../../core/unroll';
import { sub } from '../CellStepper/labels';

const GATES: Record<CellKind, number> = { RNN: 1, LSTM: 4, GRU: 3 };

/** Step t's incoming state is detached by truncation every k steps (t = k, 2k, …), as the recorder does. */
export const isCutAt = (t: number, truncation: number | undefined) => truncation !== undefined && t > 0 && t % truncation === 0;

export interface BackwardGraphInput {
  kind: CellKind;
  hiddenSize: number;
  inputSize: number;
  seqLength: number;
  truncation: number | undefined;
  snapshot: UnrollSnapshot | null;
}

/** Columns and the wires leaving step 0 to the left, for `UnrolledGraph` in the backward direction. */
export function backwardGraph({ kind, hiddenSize: H, inputSize, seqLength, truncation, snapshot }: BackwardGraphInput): { columns: GraphColumn[]; initial: GraphWire[] } {
  const lstm = kind === 'LSTM';
  const backward = snapshot?.backward ?? [];
  const step0 = backward[0];
  const initial: GraphWire[] = [
    ...(lstm ? [{ id: 'dc-init', label: `∂c${sub(-1)}`, name: '∂L/∂c_{−1}, the gradient reaching the initial cell state', values: step0?.dcPrev ?? null, size: H }] : []),
    { id: 'dh-init', label: `∂h${sub(-1)}`, name: '∂L/∂h_{−1}, the gradient reaching the initial state', values: step0?.dhPrev ?? null, size: H },
  ];
  const columns = Array.from({ length: seqLength }, (_, t): GraphColumn => {
    const b = backward[t];
    const next = backward[t + 1];
    const cut = isCutAt(t + 1, truncation);
    // What step t receives from the future: known once step t+1 has been processed (nothing beyond the end).
    const fromFuture = b?.dhFromFuture ?? (next && !cut ? next.dhPrev : null);
    const cFromFuture = b?.dcFromFuture ?? (next && !cut ? (next.dcPrev ?? null) : null);
    const future = t === seqLength - 1 ? 'beyond the last step (always zero)' : `from step ${t + 1}${cut ? ', cut by truncation' : ''}`;
    return {
      top: { id: `dout-${t}`, label: `∂h${sub(t)} out`, name: `∂L/∂h_${t} from the output at step ${t}: (softmax(y_${t}) − onehot(target_${t}))·W_o`, values: b?.dhFromOutput ?? null, size: H },
      bottom: { id: `dx-${t}`, label: `∂x${sub(t)}`, name: `∂L/∂x_${t}, the gradient reaching the input`, values: b?.dx ?? null, size: inputSize },
      inner: [
        { id: `dh-${t}`, label: '∂h', name: `∂L/∂h_${t} in total: from the output plus from the future`, values: b?.dh ?? null, size: H },
        {
          id: `da-${t}`,
          label: '∂a',
          name: `∂L/∂(h_${t - 1}·W_hhᵀ + b_hh) at step ${t}: the gradient at the ${kind === 'RNN' ? 'pre-activation' : 'gate pre-activations'}, also this step’s share of ∂L/∂b_hh`,
          values: (b?.contributions.bias_hh_l0 as number[] | undefined) ?? null,
          size: GATES[kind] * H,
        },
      ],
      links: [
        ...(lstm ? [{ id: `dc-${t}`, label: `∂c${sub(t)}`, name: `∂L/∂c_${t} arriving ${future}`, values: cFromFuture, size: H, cut }] : []),
        { id: `dfut-${t}`, label: `∂h${sub(t)} fut`, name: `∂L/∂h_${t} arriving ${future}`, values: fromFuture, size: H, cut },
      ],
    };
  });
  return { columns, initial };
}
