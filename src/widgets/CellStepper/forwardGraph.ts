/** The forward pass as wires of the unrolled picture: what each wire carries at the recorder's cursor. */
import type { TFunction } from 'i18next';
import type { GraphColumn, GraphWire } from '../../components/UnrolledGraph';
import type { CellKind } from '../../core/cells/types';
import type { ForwardStepRecord } from '../../core/unroll/unroll';
import { stepNumber, sub } from '../StepperKit/labels';

/** The catalogue key of what an intermediate is called in words. */
type InnerName = 'innerPreActivation' | 'innerInputGate' | 'innerForgetGate' | 'innerCandidateG' | 'innerOutputGate' | 'innerResetGate' | 'innerUpdateGate' | 'innerCandidateN';

/** The intermediates drawn inside each cell, by kind, with the key of what they are called in words. */
export const INNER_VALUES: Record<CellKind, { key: string; label: string; name: InnerName; gate?: boolean }[]> = {
  RNN: [{ key: 'a', label: 'a', name: 'innerPreActivation' }],
  LSTM: [
    { key: 'i', label: 'i', gate: true, name: 'innerInputGate' },
    { key: 'f', label: 'f', gate: true, name: 'innerForgetGate' },
    { key: 'g', label: 'g', name: 'innerCandidateG' },
    { key: 'o', label: 'o', gate: true, name: 'innerOutputGate' },
  ],
  GRU: [
    { key: 'r', label: 'r', gate: true, name: 'innerResetGate' },
    { key: 'z', label: 'z', gate: true, name: 'innerUpdateGate' },
    { key: 'n', label: 'n', name: 'innerCandidateN' },
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

/** Columns and initial wires for `UnrolledGraph` in the forward direction, the wires named through `t`. */
export function forwardGraph(t: TFunction<'cellStepper'>, { kind, hiddenSize, inputs, h0, c0, forward, active }: ForwardGraphInput): { columns: GraphColumn[]; initial: GraphWire[] } {
  const H = hiddenSize;
  const lstm = kind === 'LSTM';
  const initial: GraphWire[] = [
    ...(lstm ? [{ id: 'c-init', label: `c${sub(0)}`, name: t('wireInitialCell'), values: c0 ?? null, size: H }] : []),
    { id: 'h-init', label: `h${sub(0)}`, name: t('wireInitialHidden'), values: h0, size: H },
  ].map((wire) => withTerms(wire, active));
  // Wire ids keep the engine's array index; what is printed counts steps from 1 (step = index + 1).
  const columns = inputs.map((x, index): GraphColumn => {
    const record = forward[index];
    const step = stepNumber(index);
    const h: GraphWire = { id: `h-${index}`, label: `h${sub(step)}`, name: t('wireHidden', { step, index }), values: record?.values.h ?? null, size: H };
    const column: GraphColumn = {
      bottom: { id: `x-${index}`, label: `x${sub(step)}`, name: t('wireInput', { step }), values: x, size: x.length },
      top: h,
      inner: INNER_VALUES[kind].map(({ key, label, name, gate }) => ({
        id: `${key}-${index}`,
        label,
        gate,
        name: t('wireInner', { symbol: key, step, name: t(name) }),
        values: record?.values[key] ?? null,
        size: H,
      })),
      links: [
        ...(lstm ? [{ id: `c-${index}`, label: `c${sub(step)}`, name: t('wireCell', { step }), values: record?.values.c ?? null, size: H }] : []),
        { ...h, id: `h-link-${index}` },
      ],
    };
    if (active === null || (index !== active && index !== active - 1)) return column;
    return { top: withTerms(column.top, active), bottom: withTerms(column.bottom, active), inner: column.inner.map((w) => withTerms(w, active)), links: column.links.map((w) => withTerms(w, active)) };
  });
  return { columns, initial };
}
