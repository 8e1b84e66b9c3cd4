/**
 * Parameters as the reader meets them: the symbols of the chapter's equations (W_hh, b_ih, W_o), never the
 * engine's state_dict keys (weight_hh_l0, linear.bias), which the figures keep internally.
 */
import type { TFunction } from 'i18next';
import type { CellKind } from '../../core/cells/types';
import { OUTPUT_BIAS, OUTPUT_WEIGHT } from '../../core/unroll/unroll';

const SYMBOLS: Record<string, string> = {
  weight_ih_l0: 'W_ih',
  weight_hh_l0: 'W_hh',
  bias_ih_l0: 'b_ih',
  bias_hh_l0: 'b_hh',
  [OUTPUT_WEIGHT]: 'W_o',
  [OUTPUT_BIAS]: 'b_o',
};

/** "weight_hh_l0" → "W_hh"; a name the figures do not know stays as it is. */
export const readerName = (param: string): string => SYMBOLS[param] ?? param;

/** The term its gradient ∂L/∂(param) stands for in the equations and the gradient panel, e.g. "dW_hh". */
export const gradientTerm = (param: string): string => `d${readerName(param)}`;

const GATES: Partial<Record<CellKind, string[]>> = { LSTM: ['i', 'f', 'g', 'o'], GRU: ['r', 'z', 'n'] };

/**
 * For an LSTM or GRU, the cell's weights and biases stack one block per gate (PyTorch's order): which rows
 * belong to which gate, in the reader's words, e.g. "rows 0–2: i, 3–5: f, 6–8: g, 9–11: o". Null for
 * anything else.
 */
export function gateBlocks(t: TFunction<'bpttStepper'>, kind: CellKind, param: string, hiddenSize: number): string | null {
  const gates = GATES[kind];
  if (!gates || !/^(weight|bias)_(ih|hh)_l0$/.test(param)) return null;
  const span = (k: number) => (hiddenSize === 1 ? `${k}` : `${k * hiddenSize}–${(k + 1) * hiddenSize - 1}`);
  const blocks = gates.map((gate, k) => t('gateBlock', { span: span(k), gate })).join(t('gateSeparator'));
  return param.startsWith('weight') ? t('gateRows', { blocks }) : t('gateEntries', { blocks });
}
