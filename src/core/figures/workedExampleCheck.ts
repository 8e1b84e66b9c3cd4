/**
 * The worked example's live numbers set against the eight the notes print, entry by entry: what the
 * chapter 2 figure ticks off when a reader steps through it with the notes' weights.
 */
import { WORKED_EXAMPLE_EXPECTED } from './workedExample';

/** How close a live number must be to the notes' to count as the same (the notes print 8 decimals). */
export const NOTES_TOLERANCE = 1e-6;

/** One of the notes' numbers next to the live one. */
export interface NotesEntry {
  /** as the figure prints it, steps counted from 1 as in the chapter: e.g. 'h₁[1]' (entry 1 of h₁) or 'o₂' */
  label: string;
  /** which step it belongs to: the 0-based array index (step 1 is 0) */
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
 * The notes' states and outputs in reading order (h₁[0], h₁[1], o₁, h₂[0], …), each beside the live value of
 * the steps computed so far. Steps are counted from 1 in the labels (h₁ is the state after step 1);
 * entries within a vector keep their 0-based index, as in the weight editor.
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
    const n = subscript(t + 1);
    state.forEach((expected, k) => add(`h${n}[${k}]`, t, expected, states[t]?.[k]));
    WORKED_EXAMPLE_EXPECTED.outputs[t].forEach((expected, q) =>
      add(WORKED_EXAMPLE_EXPECTED.outputs[t].length === 1 ? `o${n}` : `o${n}[${q}]`, t, expected, outputs[t]?.[q]),
    );
  });
  return entries;
}
