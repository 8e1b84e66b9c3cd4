/** Names as the figures print them: unicode subscripts for SVG text, TeX subscripts for equations. */

const DIGITS = '₀₁₂₃₄₅₆₇₈₉';

/** 3 → "₃", −1 → "₋₁" */
export function sub(n: number): string {
  return (n < 0 ? '₋' : '') + [...String(Math.abs(n))].map((d) => DIGITS[Number(d)]).join('');
}

/** The readout's words for the state before step 0. */
export const INITIAL_NOTE = 'the initial state before step 0 (PyTorch’s h_0 argument)';
