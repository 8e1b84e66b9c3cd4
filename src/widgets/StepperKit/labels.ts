/**
 * Names as the figures print them: unicode subscripts for SVG text, TeX subscripts for equations.
 *
 * The figures number time steps as the chapters and PyTorch's docs do: steps t = 1 … T, the initial state
 * h₀ (c₀ for an LSTM; PyTorch's h_0 / c_0 arguments), the state after step t is h_t and the input at step t
 * is x_t. The engine's arrays stay 0-based, so the step shown for array index k is k + 1, and
 * PyTorch's output[k] is h_{k+1}.
 */

const DIGITS = '₀₁₂₃₄₅₆₇₈₉';

/** 3 → "₃", −1 → "₋₁" */
export function sub(n: number): string {
  return (n < 0 ? '₋' : '') + [...String(Math.abs(n))].map((d) => DIGITS[Number(d)]).join('');
}

/** The step number the figures print for the engine's 0-based array index: index 0 is step 1. */
export const stepNumber = (index: number): number => index + 1;
