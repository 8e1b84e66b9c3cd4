/**
 * The word as wires of the unrolled picture: one column per letter read, then the next letter waiting
 * under a cell whose state is not computed yet. Steps count from 1 on screen, as in the chapters.
 */
import type { TFunction } from 'i18next';
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

/** Columns for `UnrolledGraph`: the letters read, plus the next one (pending) while letters remain; wires named through `t`. */
export function readingGraph(t: TFunction<'readingRnn'>, { characters, inputs, states, hiddenSize }: ReadingGraphInput): { columns: GraphColumn[]; initial: GraphWire[] } {
  const initial: GraphWire[] = [{ id: 'h-init', label: `h${sub(0)}`, name: t('wireInitial'), values: new Array<number>(hiddenSize).fill(0), size: hiddenSize }];
  const shown = Math.min(characters.length, states.length + 1);
  const columns = characters.slice(0, shown).map((character, index): GraphColumn => {
    const step = index + 1;
    const letter = shownCharacter(character);
    const read = characters.slice(0, step).map(shownCharacter).join('');
    const h: GraphWire = { id: `h-${index}`, label: `h${sub(step)}`, name: t('wireHidden', { step, read }), values: states[index] ?? null, size: hiddenSize };
    return {
      bottom: { id: `x-${index}`, label: `x${sub(step)} “${letter}”`, name: t('wireInput', { step, letter }), values: inputs[index], size: inputs[index].length },
      top: h,
      inner: [],
      links: [{ ...h, id: `h-link-${index}` }],
    };
  });
  return { columns, initial };
}
