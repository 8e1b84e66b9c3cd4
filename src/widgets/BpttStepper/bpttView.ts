/**
 * What the BPTT stepper's panels show at a cursor, derived from the recorder's snapshots: which step is
 * active, the parameter on show, its gradient's shape, the norm bars and one colour limit for the pass.
 * Selection and reshaping only; every number is the recorder's.
 */
import { symmetricLimit } from '../../components/colorScale';
import type { BackwardStepRecord, ParamValues, UnrollSnapshot } from '../../core/unroll/unroll';
import { stepNumber } from '../StepperKit/labels';

/** The parameter shown first, and whenever the one picked does not exist (a cell without it). */
export const DEFAULT_PARAMETER = 'weight_hh_l0';

/** The array index of the step BPTT processed last, or null before its first step (and in the forward pass). */
export function backwardActive(snapshot: UnrollSnapshot | null): number | null {
  return snapshot !== null && snapshot.backwardCursor > 0 ? snapshot.activeStep : null;
}

/** The BPTT record of the active step, or null before BPTT's first step. */
export function activeRecord(snapshot: UnrollSnapshot | null): BackwardStepRecord | null {
  const active = backwardActive(snapshot);
  return active === null ? null : (snapshot?.backward[active] ?? null);
}

/** The parameter the reader picked if the model has it, else the default. */
export function shownParameter(names: readonly string[], picked: string): string {
  return names.includes(picked) ? picked : DEFAULT_PARAMETER;
}

/** [rows, cols] of a matrix, [length] of a vector, [] for nothing. */
export function gradientShape(values: ParamValues | undefined): number[] {
  if (!values) return [];
  return Array.isArray(values[0]) ? [values.length, (values[0] as number[]).length] : [values.length];
}

/** One bar per processed step, numbered t = 1 … T like the picture (gradNorms[k] belongs to step k + 1). */
export function normBars(gradNorms: readonly (number | null)[]): { x: number; y: number }[] {
  return gradNorms.flatMap((y, k) => (y === null ? [] : [{ x: stepNumber(k), y }]));
}

/** One colour limit for the whole pass, from the complete BPTT, so colours do not shift as gradients arrive. */
export function passColourLimit(complete: UnrollSnapshot | null): number {
  if (!complete) return 1;
  return symmetricLimit(complete.backward.flatMap((b) => (b ? [b.dh, b.dhFromOutput, b.dx] : [])));
}
