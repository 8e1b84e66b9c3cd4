/**
 * The worked example's live numbers set against the eight the notes print, entry by entry: what the
 * chapter 2 figure ticks off when a reader steps through it with the notes' weights.
 */
import { WORKED_EXAMPLE_EXPECTED } from './workedExample';

/** How close a live number must be to the notes' to count as the same (the notes print 8 decimals). */
export const NOTES_TOLERANCE = 1e-6;

/** One of the notes' numbers next to the live one. */
export interface NotesEntry {
  /** e.g. 'state₀[1]' or 'output₁' */
  label: string;
  /** which step it belongs to */
  step: number;
  expected: number;
  /** null until the stepper has computed that step */
  live: number | null;
  /** |live − expected| ≤ NOTES_TOLERANCE */
  agrees: boolean;
}

const SUBSCRIPTS = '₀₁₂₃₄₅₆₇₈₉';
const subscript = (n: number) => [...String(n)].map((d) => SUBSCRIPTS[Number(d)]).join('');

/**
 * The notes' states and outputs in reading order (state₀[0], state₀[1], output₀, state₁[0], …), each beside
 * the live value of the steps computed so far.
 * @param states live h_t for the steps computed so far: [steps][H]
 * @param outputs live o_t for the same steps: [steps][Q]
 */
export function compareWithNotes(states: number[][], outputs: number[][]): NotesEntry[] {
  const entries: NotesEntry[] = [];
  const add = (label: string, step: number, expected: number, live: number | undefined) => {
    const value = live ?? null;
    entries.push({ label, step, expected, live: value, agrees: value !== null && Math.abs(value - expected) <= NOTES_TOLERANCE });
  };
  WORKED_EXAMPLE_EXPECTED.states.forEach((state, t) => {
    state.forEach((expected, k) => add(`state${subscript(t)}[${k}]`, t, expected, states[t]?.[k]));
    WORKED_EXAMPLE_EXPECTED.outputs[t].forEach((expected, q) =>
      add(WORKED_EXAMPLE_EXPECTED.outputs[t].length === 1 ? `output${subscript(t)}` : `output${subscript(t)}[${q}]`, t, expected, outputs[t]?.[q]),
    );
  });
  return entries;
}
