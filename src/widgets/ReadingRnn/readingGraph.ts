/**
 * The word as wires of the unrolled picture: one column per letter read, then the next letter waiting
 * under a cell whose state is not computed yet. Steps count from 1 on screen, as in the chapters.
 */
import type { GraphColumn, GraphWire } from '../../components/UnrolledGraph';

const DIGITS = '₀₁₂₃₄₅₆₇₈₉';

/** 3 → "₃" */
export const sub = (n: number): string => [...String(n)].map((d) => DIGITS[Number(d)]).join('');

/** A character as the figure prints it: a space is visible. */
export const shownCharacter = (character: string): string => (character === ' ' ? '␣' : character);

export interface ReadingGraphInput {
  characters: string[];
  /** one-hot x_t: [T][V], known before the engine runs */
  inputs: number[][];
  /** h_t for the letters read so far: [read][H] */
  states: number[][];
  hiddenSize: number;
}

/** Columns for `UnrolledGraph`: the letters read, plus the next one (pending) while letters remain. */
export function readingGraph({ characters, inputs, states, hiddenSize }: ReadingGraphInput): { columns: GraphColumn[]; initial: GraphWire[] } {
  const initial: GraphWire[] = [{ id: 'h-init', label: `h${sub(0)}`, name: 'h_0, the empty memory before the first letter (all zeros)', values: new Array<number>(hiddenSize).fill(0), size: hiddenSize }];
  const shown = Math.min(characters.length, states.length + 1);
  const columns = characters.slice(0, shown).map((character, t): GraphColumn => {
    const n = t + 1;
    const letter = shownCharacter(character);
    const read = characters.slice(0, n).map(shownCharacter).join('');
    const h: GraphWire = { id: `h-${t}`, label: `h${sub(n)}`, name: `h_${n}, the hidden state after reading “${read}”`, values: states[t] ?? null, size: hiddenSize };
    return {
      bottom: { id: `x-${t}`, label: `x${sub(n)} “${letter}”`, name: `x_${n}, the one-hot vector of “${letter}”`, values: inputs[t], size: inputs[t].length },
      top: h,
      inner: [],
      links: [{ ...h, id: `h-link-${t}` }],
    };
  });
  return { columns, initial };
}
