/**
 * BPTT as wires of the unrolled picture: ∂L/∂h_t arriving from the output (above) and from the future
 * (from the right), their sum and the pre-activation gradient inside the cell, ∂L/∂x_t leaving below and
 * ∂L/∂h_{t−1} leaving to the left, where truncation may cut it.
 */
import type { TFunction } from 'i18next';
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

/**
 * Columns and the wires leaving step 1 to the left (to h₀), for `UnrolledGraph` in the backward direction,
 * their names in the reader's words.
 */
export function backwardGraph(t: TFunction<'bpttStepper'>, { kind, hiddenSize: H, inputSize, seqLength, truncation, snapshot, active }: BackwardGraphInput): { columns: GraphColumn[]; initial: GraphWire[] } {
  const lstm = kind === 'LSTM';
  const backward = snapshot?.backward ?? [];
  const step0 = backward[0];
  const initial: GraphWire[] = [
    ...(lstm ? [{ id: 'dc-init', label: `∂c${sub(0)}`, name: t('wireInitialCell'), values: step0?.dcPrev ?? null, size: H }] : []),
    { id: 'dh-init', label: `∂h${sub(0)}`, name: t('wireInitialHidden'), values: step0?.dhPrev ?? null, size: H },
  ].map((wire) => withTerms(wire, active));
  // Wire ids keep the engine's array index k; what is printed counts steps from 1 (n = k + 1).
  const columns = Array.from({ length: seqLength }, (_, k): GraphColumn => {
    const n = stepNumber(k);
    const b = backward[k];
    const next = backward[k + 1];
    const cut = isCutAt(k + 1, truncation);
    // What step n receives from the future: known once step n + 1 has been processed (nothing beyond the end).
    const fromFuture = b?.dhFromFuture ?? (next && !cut ? next.dhPrev : null);
    const cFromFuture = b?.dcFromFuture ?? (next && !cut ? (next.dcPrev ?? null) : null);
    const source = k === seqLength - 1 ? t('beyondLast') : t(cut ? 'fromStepCut' : 'fromStep', { step: n + 1 });
    const column: GraphColumn = {
      top: { id: `dout-${k}`, label: t('wireOutLabel', { sub: sub(n) }), name: t('wireFromOutput', { step: n }), values: b?.dhFromOutput ?? null, size: H },
      bottom: { id: `dx-${k}`, label: `∂x${sub(n)}`, name: t('wireInput', { step: n }), values: b?.dx ?? null, size: inputSize },
      inner: [
        { id: `dh-${k}`, label: '∂h', name: t('wireTotal', { step: n }), values: b?.dh ?? null, size: H },
        {
          id: `da-${k}`,
          label: '∂a',
          name: t(kind === 'RNN' ? 'wirePreActivation' : 'wireGatePreActivations', { step: n, previous: n - 1 }),
          values: (b?.contributions.bias_hh_l0 as number[] | undefined) ?? null,
          size: GATES[kind] * H,
        },
      ],
      links: [
        ...(lstm ? [{ id: `dc-${k}`, label: `∂c${sub(n)}`, name: t('wireCellArriving', { step: n, source }), values: cFromFuture, size: H, cut }] : []),
        { id: `dfut-${k}`, label: t('wireFutLabel', { sub: sub(n) }), name: t('wireHiddenArriving', { step: n, source }), values: fromFuture, size: H, cut },
      ],
    };
    if (active === null || (k !== active && k !== active - 1)) return column;
    const mark = (wire: GraphWire) => withTerms(wire, active);
    return { top: mark(column.top), bottom: mark(column.bottom), inner: column.inner.map(mark), links: column.links.map(mark) };
  });
  return { columns, initial };
}
