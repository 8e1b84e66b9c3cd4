/**
 * The float64 reference backward equals central finite differences of the reference forward, for every
 * input, state and parameter entry of every cell. This is what makes the reference a trustworthy oracle.
 */
import { describe, it } from 'vitest';
import type { CellKind, Nonlinearity } from '../../../src/core/cells/types';
import { mulberry32 } from '../../../src/core/random';
import { getReferenceCell, type Matrix, type RefParams, type RefState } from '../../../src/core/reference';
import { expectClose, randomMatrix, randomParams } from './helpers';

const VARIANTS: [CellKind, Nonlinearity][] = [
  ['RNN', 'tanh'],
  ['RNN', 'relu'],
  ['LSTM', 'tanh'],
  ['GRU', 'tanh'],
];
const EPS = 1e-6;

describe.each(VARIANTS)('reference %s cell (%s)', (kind, nonlinearity) => {
  it('backwardStep equals central finite differences', () => {
    const cell = getReferenceCell(kind, nonlinearity);
    const { ref: p } = randomParams(kind, 3, 4, true, 31);
    const rng = mulberry32(32);
    const x = randomMatrix(rng, 2, 3);
    const s: RefState = { h: randomMatrix(rng, 2, 4, 0.8), ...(kind === 'LSTM' ? { c: randomMatrix(rng, 2, 4, 0.8) } : {}) };
    const d: RefState = { h: randomMatrix(rng, 2, 4), ...(kind === 'LSTM' ? { c: randomMatrix(rng, 2, 4) } : {}) };

    const loss = (pp: RefParams, xx: Matrix, ss: RefState) => {
      const { state } = cell.forwardStep(pp, xx, ss);
      const dot = (a: Matrix, b: Matrix) => a.reduce((sum, row, i) => sum + row.reduce((t, v, j) => t + v * b[i][j], 0), 0);
      return dot(state.h, d.h) + (state.c && d.c ? dot(state.c, d.c) : 0);
    };
    // Nudges one entry of a copy of everything and reads the loss on both sides.
    const numeric = (pick: (pp: RefParams, xx: Matrix, ss: RefState) => number[]) => {
      const size = pick(p, x, s).length;
      return Array.from({ length: size }, (_, k) => {
        const side = (sign: number) => {
          const pp = structuredClone(p);
          const xx = structuredClone(x);
          const ss = structuredClone(s);
          pick(pp, xx, ss)[k] += sign * EPS;
          return loss(pp, xx, ss);
        };
        return (side(1) - side(-1)) / (2 * EPS);
      });
    };

    const { cache } = cell.forwardStep(p, x, s);
    const g = cell.backwardStep(p, cache, d);
    // Rows of a matrix are the arrays that get nudged, one row at a time.
    const rows = (m: (pp: RefParams, xx: Matrix, ss: RefState) => Matrix, n: number) =>
      Array.from({ length: n }, (_, r) => numeric((pp, xx, ss) => m(pp, xx, ss)[r]));
    expectClose(g.dx, rows((_, xx) => xx, 2), 'dx', 1e-7, 1e-6);
    expectClose(g.dStatePrev.h, rows((_, __, ss) => ss.h, 2), 'dhPrev', 1e-7, 1e-6);
    if (kind === 'LSTM') expectClose(g.dStatePrev.c as Matrix, rows((_, __, ss) => ss.c as Matrix, 2), 'dcPrev', 1e-7, 1e-6);
    const G = p.weightIh.length;
    expectClose(g.dParams.weightIh, rows((pp) => pp.weightIh, G), 'dW_ih', 1e-7, 1e-6);
    expectClose(g.dParams.weightHh, rows((pp) => pp.weightHh, G), 'dW_hh', 1e-7, 1e-6);
    expectClose(g.dParams.biasIh as number[], numeric((pp) => pp.biasIh as number[]), 'db_ih', 1e-7, 1e-6);
    expectClose(g.dParams.biasHh as number[], numeric((pp) => pp.biasHh as number[]), 'db_hh', 1e-7, 1e-6);
  });
});
