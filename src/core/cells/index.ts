/**
 * The three recurrent cells behind one lookup.
 *
 * The cells' equations are written five times, on purpose: the cells below teach and step one time step
 * at a time; the others are the same math made fast for one backend, or made exact for checking. Each is
 * held equal to another by a test, so none can drift:
 *
 * | form | file | what it is for | held equal by |
 * | --- | --- | --- | --- |
 * | cells (tfjs ops, one step) | `cells/{rnn,lstm,gru}.ts` | the steppers, the figures, the reference path | `tests/unit/core/cells.test.ts` (analytic backward = `tf.grads`; = float64 reference), `tests/parity/parity.test.ts` (= PyTorch) |
 * | ops recurrence (tfjs ops, whole sequence) | `fast/opsRecurrence.ts`, stepping with the cells' `rnnActivation`, `lstmGates`, `gruGates` | training on any backend | `tests/unit/core/fastPath.test.ts` (= the cells' step path, to 1e-5) |
 * | JavaScript step math | `fast/stepMath.ts` via `fast/jsSequence.ts` | fused kernels on the `cpu` and `wasm` backends | `tests/unit/core/fastPath.test.ts`, `fastWasm.test.ts` (= the cells' step path) |
 * | WGSL | `webgpu/programs.ts` | one dispatch per sequence on WebGPU | `tests/parity/webgpuFused.test.ts` (= the cells' step path and the ops recurrence, on Dawn) |
 * | float64 reference | `reference/cells.ts` | the oracle: finite differences and the gradient check | `tests/unit/core/reference.test.ts` (backward = central finite differences) |
 */
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
