/** Shared test helpers: seeded random parameters for both engines and tolerant comparisons. */
import { expect } from 'vitest';
import type { CellKind, CellParams } from '../../../src/core/cells/types';
import { mulberry32, uniformValues, type Rng } from '../../../src/core/random';
import type { RefParams } from '../../../src/core/reference';
import * as tf from '../../../src/core/runtime/tf';

export type Nested = number | Nested[];

/** A [rows, cols] matrix of U(−scale, scale) draws. */
export function randomMatrix(rng: Rng, rows: number, cols: number, scale = 1): number[][] {
  const values = Array.from(uniformValues(rng, rows * cols, scale));
  return Array.from({ length: rows }, (_, r) => values.slice(r * cols, (r + 1) * cols));
}

export const GATES: Record<CellKind, number> = { RNN: 1, LSTM: 4, GRU: 3 };

/** The same random parameters as float64 arrays and as tensors (rounded to float32 for both). */
export function randomParams(kind: CellKind, inputSize: number, hiddenSize: number, bias: boolean, seed: number) {
  const rng = mulberry32(seed);
  const rows = GATES[kind] * hiddenSize;
  const ref: RefParams = {
    weightIh: randomMatrix(rng, rows, inputSize, 0.7),
    weightHh: randomMatrix(rng, rows, hiddenSize, 0.7),
    biasIh: bias ? randomMatrix(rng, 1, rows, 0.5)[0] : null,
    biasHh: bias ? randomMatrix(rng, 1, rows, 0.5)[0] : null,
  };
  const tensors: CellParams = {
    weightIh: tf.tensor2d(ref.weightIh),
    weightHh: tf.tensor2d(ref.weightHh),
    biasIh: ref.biasIh ? tf.tensor1d(ref.biasIh) : null,
    biasHh: ref.biasHh ? tf.tensor1d(ref.biasHh) : null,
  };
  return { ref, tensors };
}

/** Flattens nested arrays into one list. */
export function flat(x: Nested): number[] {
  return Array.isArray(x) ? x.flatMap(flat) : [x];
}

/** Every element within atol + rtol·|want|; the message names the worst element. */
export function expectClose(got: Nested, want: Nested, label: string, atol = 1e-5, rtol = 1e-4): void {
  const g = flat(got);
  const w = flat(want);
  expect(g.length, `${label}: length`).toBe(w.length);
  let worst = -1;
  let worstExcess = 0;
  g.forEach((v, k) => {
    const excess = Math.abs(v - w[k]) - (atol + rtol * Math.abs(w[k]));
    if (!(excess <= worstExcess)) {
      worst = k;
      worstExcess = Number.isNaN(excess) ? Infinity : excess;
    }
  });
  expect(worst, worst < 0 ? label : `${label}: element ${worst}: got ${g[worst]}, want ${w[worst]}`).toBe(-1);
}

/** Reads a tensor (or null) as nested numbers. */
export async function read(t: tf.Tensor | null | undefined): Promise<Nested> {
  if (!t) throw new Error('missing tensor');
  return (await t.array()) as Nested;
}
