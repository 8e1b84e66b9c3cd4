/**
 * The cell's equations in PyTorch's row-vector form, first as symbols, then with the numbers of the active
 * step substituted. Only slicing and formatting happen here; every number comes from the recorder.
 */
import type { CellKind } from '../../core/cells/types';
import type { ForwardStepRecord } from '../../core/unroll/unroll';
import type { ShownEquation } from '../StepperKit/Equation';
import { stepNumber } from '../StepperKit/labels';
import { texRow, texTerm } from '../StepperKit/tex';

/** Marked symbols: `T.x('t')` is x_t standing for the term "x", lit with its wire. */
const T = {
  x: (t: string) => texTerm('x', `x_{${t}}`),
  hPrev: (t: string) => texTerm('h_prev', `h_{${t}}`),
  h: (t: string) => texTerm('h', `h_{${t}}`),
  cPrev: (t: string) => texTerm('c_prev', `c_{${t}}`),
  c: (t: string) => texTerm('c', `c_{${t}}`),
  gate: (name: string, t: string) => texTerm(name, `${name}_{${t}}`),
  Wih: (gate = '') => texTerm('W_ih', `W_{i${gate || 'h'}}^\\top`),
  Whh: (gate = '') => texTerm('W_hh', `W_{h${gate || 'h'}}^\\top`),
};

const SYMBOLS: Record<CellKind, ShownEquation[]> = {
  RNN: [
    { tex: `${T.gate('a', 't')} = ${T.x('t')} ${T.Wih()} + b_{ih} + ${T.hPrev('t-1')} ${T.Whh()} + b_{hh}`, label: 'pre-activation' },
    { tex: `${T.h('t')} = \\tanh(${T.gate('a', 't')})`, label: 'new hidden state' },
  ],
  LSTM: [
    {
      tex: `\\begin{bmatrix} ${['i', 'f', 'g', 'o'].map((g) => T.gate(g, 't')).join(' & ')} \\end{bmatrix} = \\begin{bmatrix} \\sigma & \\sigma & \\tanh & \\sigma \\end{bmatrix}\\!\\left(${T.x('t')} ${T.Wih()} + b_{ih} + ${T.hPrev('t-1')} ${T.Whh()} + b_{hh}\\right)`,
      label: 'gates',
    },
    { tex: `${T.c('t')} = ${T.gate('f', 't')} \\odot ${T.cPrev('t-1')} + ${T.gate('i', 't')} \\odot ${T.gate('g', 't')}, \\qquad ${T.h('t')} = ${T.gate('o', 't')} \\odot \\tanh(${T.c('t')})`, label: 'cell state and hidden state' },
  ],
  GRU: [
    {
      tex: ['r', 'z'].map((g) => `${T.gate(g, 't')} = \\sigma(${T.x('t')} ${T.Wih(g)} + b_{i${g}} + ${T.hPrev('t-1')} ${T.Whh(g)} + b_{h${g}})`).join(', \\quad '),
      label: 'gates',
    },
    {
      tex: `${T.gate('n', 't')} = \\tanh\\!\\left(${T.x('t')} ${T.Wih('n')} + b_{in} + ${T.gate('r', 't')} \\odot (${T.hPrev('t-1')} ${T.Whh('n')} + b_{hn})\\right), \\quad ${T.h('t')} = (1 - ${T.gate('z', 't')}) \\odot ${T.gate('n', 't')} + ${T.gate('z', 't')} \\odot ${T.hPrev('t-1')}`,
      label: 'candidate and hidden state',
    },
  ],
};

/** The equations with symbols only, shown before the first step. */
export function symbolicEquations(kind: CellKind): ShownEquation[] {
  return SYMBOLS[kind];
}

/** Columns [k·H, (k + 1)·H) of a stacked vector: gate k of a fused projection. */
const block = (values: number[], k: number, H: number) => values.slice(k * H, (k + 1) * H);

/** The equations of the step at array index `record.t` (printed as step t = record.t + 1) with its numbers in place. */
export function substitutedEquations(kind: CellKind, record: ForwardStepRecord): ShownEquation[] {
  const t = String(stepNumber(record.t));
  const prev = String(stepNumber(record.t) - 1);
  const v = record.values;
  const H = v.h.length;
  // A row of numbers marked as the term it is the value of: pointing at it lights the same numbers on the wire.
  const row = (term: string | null, values: number[]) => (term ? texTerm(term, texRow(values)) : texRow(values));
  const gateRow = (name: string) => row(name, v[name]);
  const xRow = row('x', record.x);
  const hPrevRow = row('h_prev', record.hPrev);
  const hRow = row('h', v.h);
  const hLabel = `hidden state after step ${t} (PyTorch’s output[${record.t}])`;
  if (kind === 'RNN') {
    return [
      {
        tex: `\\begin{aligned} ${T.gate('a', t)} &= ${T.x(t)} ${T.Wih()} + b_{ih} + ${T.hPrev(prev)} ${T.Whh()} + b_{hh} \\\\ &= ${xRow} ${T.Wih()} + b_{ih} + ${hPrevRow} ${T.Whh()} + b_{hh} \\\\ &= ${gateRow('a')} \\end{aligned}`,
        label: `pre-activation at step ${t}`,
      },
      { tex: `${T.h(t)} = \\tanh(${T.gate('a', t)}) = \\tanh ${gateRow('a')} = ${hRow}`, label: hLabel },
    ];
  }
  if (kind === 'LSTM') {
    const gate = (name: string, fn: string, k: number) => `${T.gate(name, t)} &= ${fn}${row(null, block(v.a, k, H))} = ${gateRow(name)}`;
    return [
      { tex: `\\begin{aligned} ${gate('i', '\\sigma', 0)} \\\\ ${gate('f', '\\sigma', 1)} \\\\ ${gate('g', '\\tanh', 2)} \\\\ ${gate('o', '\\sigma', 3)} \\end{aligned}`, label: `gates at step ${t}` },
      {
        tex: `\\begin{aligned} ${T.c(t)} &= ${T.gate('f', t)} \\odot ${T.cPrev(prev)} + ${T.gate('i', t)} \\odot ${T.gate('g', t)} \\\\ &= ${gateRow('f')} \\odot ${row('c_prev', record.cPrev ?? [])} \\\\ &\\quad + ${gateRow('i')} \\odot ${gateRow('g')} \\\\ &= ${row('c', v.c)} \\end{aligned}`,
        label: `cell state after step ${t}`,
      },
      { tex: `\\begin{aligned} ${T.h(t)} &= ${T.gate('o', t)} \\odot \\tanh(${T.c(t)}) \\\\ &= ${gateRow('o')} \\odot ${row(null, v.tanhC)} \\\\ &= ${hRow} \\end{aligned}`, label: hLabel },
    ];
  }
  const gate = (name: string, k: number) =>
    `${T.gate(name, t)} &= \\sigma\\big(${T.x(t)} ${T.Wih(name)} + b_{i${name}} + ${T.hPrev(prev)} ${T.Whh(name)} + b_{h${name}}\\big) \\\\ &= \\sigma\\big(${row(null, block(v.gx, k, H))} + ${row(null, block(v.gh, k, H))}\\big) \\\\ &= ${gateRow(name)}`;
  return [
    { tex: `\\begin{aligned} ${gate('r', 0)} \\\\ ${gate('z', 1)} \\end{aligned}`, label: `gates at step ${t}: input part plus hidden part` },
    {
      tex: `\\begin{aligned} ${T.gate('n', t)} &= \\tanh\\big(${T.x(t)} ${T.Wih('n')} + b_{in} + ${T.gate('r', t)} \\odot (${T.hPrev(prev)} ${T.Whh('n')} + b_{hn})\\big) \\\\ &= \\tanh\\big(${row(null, block(v.gx, 2, H))} + ${gateRow('r')} \\odot ${row(null, v.hn)}\\big) \\\\ &= ${gateRow('n')} \\end{aligned}`,
      label: `candidate at step ${t}`,
    },
    {
      tex: `\\begin{aligned} ${T.h(t)} &= (1 - ${T.gate('z', t)}) \\odot ${T.gate('n', t)} + ${T.gate('z', t)} \\odot ${T.hPrev(prev)} \\\\ &= (1 - ${gateRow('z')}) \\odot ${gateRow('n')} \\\\ &\\quad + ${gateRow('z')} \\odot ${hPrevRow} \\\\ &= ${hRow} \\end{aligned}`,
      label: hLabel,
    },
  ];
}
