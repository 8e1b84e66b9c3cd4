/** The three recurrent cells behind one lookup. */
import { createGruCell } from './gru';
import { createLstmCell } from './lstm';
import { createRnnCell } from './rnn';
import type { Cell, CellKind, Nonlinearity } from './types';

export type * from './types';

/**
 * The cell for a kind. `nonlinearity` applies to the RNN only; LSTM and GRU are always tanh, as in PyTorch.
 */
export function getCell(kind: CellKind, nonlinearity: Nonlinearity = 'tanh'): Cell {
  switch (kind) {
    case 'RNN':
      return createRnnCell(nonlinearity);
    case 'LSTM':
      return createLstmCell();
    case 'GRU':
      return createGruCell();
  }
}
