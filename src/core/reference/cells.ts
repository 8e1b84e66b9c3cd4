/**
 * The three cells in plain float64 arithmetic: the same formulas as `../cells/`, written as loops over
 * arrays so they can be read line by line and trusted as the tests' oracle.
 */
import type { CellKind, Nonlinearity } from '../cells/types';
import {
  addRow,
  columns,
  concatColumns,
  matMul,
  matMulTransposed,
  sigmoid,
  sumRows,
  transposedMatMul,
  zeros,
  zipWith,
  type Matrix,
} from './linalg';
import type { RefCell, RefGateMath } from './types';

const width = (m: Matrix, gates: number) => m[0].length / gates;

function rnnMath(nonlinearity: Nonlinearity): RefGateMath {
  const phi = nonlinearity === 'tanh' ? Math.tanh : (a: number) => Math.max(0, a);
  return {
    kind: 'RNN',
    nonlinearity,
    gateNames: ['h'],
    forwardFromProjections(gx, gh, s) {
      const a = zipWith((u, v) => u + v, gx, gh);
      const h = zipWith(phi, a);
      return { state: { h }, cache: { hPrev: s.h, values: { a, h } } };
    },
    backwardToGates({ values: { a, h } }, d) {
      const da =
        nonlinearity === 'tanh'
          ? zipWith((dh, y) => dh * (1 - y * y), d.h, h)
          : zipWith((dh, pre) => (pre > 0 ? dh : 0), d.h, a);
      return { dGx: da, dGh: da, dhDirect: null };
    },
  };
}

const lstmMath: RefGateMath = {
  kind: 'LSTM',
  nonlinearity: 'tanh',
  gateNames: ['i', 'f', 'g', 'o'],
  forwardFromProjections(gx, gh, s) {
    const cPrev = s.c;
    if (!cPrev) throw new Error('LSTM state needs a cell state c');
    const a = zipWith((u, v) => u + v, gx, gh);
    const H = width(a, 4);
    const i = zipWith(sigmoid, columns(a, 0, H));
    const f = zipWith(sigmoid, columns(a, H, H));
    const g = zipWith(Math.tanh, columns(a, 2 * H, H));
    const o = zipWith(sigmoid, columns(a, 3 * H, H));
    const c = zipWith((fv, cp, iv, gv) => fv * cp + iv * gv, f, cPrev, i, g);
    const tanhC = zipWith(Math.tanh, c);
    const h = zipWith((ov, tc) => ov * tc, o, tanhC);
    return { state: { h, c }, cache: { hPrev: s.h, cPrev, values: { a, i, f, g, o, c, tanhC, h } } };
  },
  backwardToGates({ cPrev, values: { i, f, g, o, tanhC } }, d) {
    const dcIn = d.c ?? zeros(d.h.length, d.h[0].length);
    const dc = zipWith((dci, dh, ov, tc) => dci + dh * ov * (1 - tc * tc), dcIn, d.h, o, tanhC);
    if (!cPrev) throw new Error('LSTM cache needs cPrev');
    const dA = concatColumns(
      zipWith((dcv, gv, iv) => dcv * gv * iv * (1 - iv), dc, g, i),
      zipWith((dcv, cpv, fv) => dcv * cpv * fv * (1 - fv), dc, cPrev, f),
      zipWith((dcv, iv, gv) => dcv * iv * (1 - gv * gv), dc, i, g),
      zipWith((dh, tc, ov) => dh * tc * ov * (1 - ov), d.h, tanhC, o),
    );
    return { dGx: dA, dGh: dA, dhDirect: null, dcPrev: zipWith((dcv, fv) => dcv * fv, dc, f) };
  },
};

const gruMath: RefGateMath = {
  kind: 'GRU',
  nonlinearity: 'tanh',
  gateNames: ['r', 'z', 'n'],
  forwardFromProjections(gx, gh, s) {
    const H = width(gx, 3);
    const r = zipWith((u, v) => sigmoid(u + v), columns(gx, 0, H), columns(gh, 0, H));
    const z = zipWith((u, v) => sigmoid(u + v), columns(gx, H, H), columns(gh, H, H));
    const hn = columns(gh, 2 * H, H);
    const n = zipWith((u, rv, v) => Math.tanh(u + rv * v), columns(gx, 2 * H, H), r, hn);
    const h = zipWith((zv, nv, hp) => (1 - zv) * nv + zv * hp, z, n, s.h);
    return { state: { h }, cache: { hPrev: s.h, values: { gx, gh, r, z, hn, n, h } } };
  },
  backwardToGates({ hPrev, values: { r, z, hn, n } }, d) {
    const dnPre = zipWith((dh, zv, nv) => dh * (1 - zv) * (1 - nv * nv), d.h, z, n);
    const dzPre = zipWith((dh, hp, nv, zv) => dh * (hp - nv) * zv * (1 - zv), d.h, hPrev, n, z);
    const drPre = zipWith((dnp, hnv, rv) => dnp * hnv * rv * (1 - rv), dnPre, hn, r);
    return {
      dGx: concatColumns(drPre, dzPre, dnPre),
      dGh: concatColumns(drPre, dzPre, zipWith((dnp, rv) => dnp * rv, dnPre, r)),
      dhDirect: zipWith((dh, zv) => dh * zv, d.h, z),
    };
  },
};

function makeReferenceCell(math: RefGateMath): RefCell {
  return {
    kind: math.kind,
    nonlinearity: math.nonlinearity,
    gateNames: math.gateNames,
    forwardStep(p, x, s) {
      const gx = addRow(matMulTransposed(x, p.weightIh), p.biasIh);
      const gh = addRow(matMulTransposed(s.h, p.weightHh), p.biasHh);
      const { state, cache } = math.forwardFromProjections(gx, gh, s);
      return { state, cache: { ...cache, x } };
    },
    backwardStep(p, cache, d) {
      const g = math.backwardToGates(cache, d);
      const viaWeights = matMul(g.dGh, p.weightHh);
      const dh = g.dhDirect ? zipWith((u, v) => u + v, g.dhDirect, viaWeights) : viaWeights;
      return {
        dx: matMul(g.dGx, p.weightIh),
        dStatePrev: g.dcPrev ? { h: dh, c: g.dcPrev } : { h: dh },
        dParams: {
          weightIh: transposedMatMul(g.dGx, cache.x),
          weightHh: transposedMatMul(g.dGh, cache.hPrev),
          biasIh: p.biasIh ? sumRows(g.dGx) : null,
          biasHh: p.biasHh ? sumRows(g.dGh) : null,
        },
      };
    },
  };
}

/** The float64 reference cell for a kind; `nonlinearity` applies to the RNN only. */
export function getReferenceCell(kind: CellKind, nonlinearity: Nonlinearity = 'tanh'): RefCell {
  switch (kind) {
    case 'RNN':
      return makeReferenceCell(rnnMath(nonlinearity));
    case 'LSTM':
      return makeReferenceCell(lstmMath);
    case 'GRU':
      return makeReferenceCell(gruMath);
  }
}
