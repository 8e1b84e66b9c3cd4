/**
 * The cell's equations in PyTorch's row-vector form, first as symbols, then with the numbers of the active
 * step substituted. Only slicing and formatting happen here; every number comes from the recorder.
 */
import type { TFunction } from 'i18next';
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

/** An equation before its label is put into words: the catalogue key of what it says. */
interface SymbolicEquation {
  tex: string;
  label: 'equationPreActivation' | 'equationNewHidden' | 'equationGates' | 'equationCellAndHidden' | 'equationCandidateAndHidden';
}

const SYMBOLS: Record<CellKind, SymbolicEquation[]> = {
  RNN: [
    { tex: `${T.gate('a', 't')} = ${T.x('t')} ${T.Wih()} + b_{ih} + ${T.hPrev('t-1')} ${T.Whh()} + b_{hh}`, label: 'equationPreActivation' },
    { tex: `${T.h('t')} = \\tanh(${T.gate('a', 't')})`, label: 'equationNewHidden' },
  ],
  LSTM: [
    {
      tex: `\\begin{bmatrix} ${['i', 'f', 'g', 'o'].map((g) => T.gate(g, 't')).join(' & ')} \\end{bmatrix} = \\begin{bmatrix} \\sigma & \\sigma & \\tanh & \\sigma \\end{bmatrix}\\!\\left(${T.x('t')} ${T.Wih()} + b_{ih} + ${T.hPrev('t-1')} ${T.Whh()} + b_{hh}\\right)`,
      label: 'equationGates',
    },
    { tex: `${T.c('t')} = ${T.gate('f', 't')} \\odot ${T.cPrev('t-1')} + ${T.gate('i', 't')} \\odot ${T.gate('g', 't')}, \\qquad ${T.h('t')} = ${T.gate('o', 't')} \\odot \\tanh(${T.c('t')})`, label: 'equationCellAndHidden' },
  ],
  GRU: [
    {
      tex: ['r', 'z'].map((g) => `${T.gate(g, 't')} = \\sigma(${T.x('t')} ${T.Wih(g)} + b_{i${g}} + ${T.hPrev('t-1')} ${T.Whh(g)} + b_{h${g}})`).join(', \\quad '),
      label: 'equationGates',
    },
    {
      tex: `${T.gate('n', 't')} = \\tanh\\!\\left(${T.x('t')} ${T.Wih('n')} + b_{in} + ${T.gate('r', 't')} \\odot (${T.hPrev('t-1')} ${T.Whh('n')} + b_{hn})\\right), \\quad ${T.h('t')} = (1 - ${T.gate('z', 't')}) \\odot ${T.gate('n', 't')} + ${T.gate('z', 't')} \\odot ${T.hPrev('t-1')}`,
      label: 'equationCandidateAndHidden',
    },
  ],
};

/** The equations with symbols only, shown before the first step. */
export function symbolicEquations(t: TFunction<'cellStepper'>, kind: CellKind): ShownEquation[] {
  return SYMBOLS[kind].map(({ tex, label }) => ({ tex, label: t(label) }));
}

/** Columns [k·H, (k + 1)·H) of a stacked vector: gate k of a fused projection. */
const block = (values: number[], k: number, H: number) => values.slice(k * H, (k + 1) * H);

/**
 * The equations of the step at array index `record.t` (printed as step t = record.t + 1) with its numbers in
 * place, labelled through `t`.
 */
export function substitutedEquations(t: TFunction<'cellStepper'>, kind: CellKind, record: ForwardStepRecord): ShownEquation[] {
  const step = stepNumber(record.t);
  const now = String(step);
  const prev = String(step - 1);
  const v = record.values;
  const H = v.h.length;
  // A row of numbers marked as the term it is the value of: pointing at it lights the same numbers on the wire.
  const row = (term: string | null, values: number[]) => (term ? texTerm(term, texRow(values)) : texRow(values));
  const gateRow = (name: string) => row(name, v[name]);
  const xRow = row('x', record.x);
  const hPrevRow = row('h_prev', record.hPrev);
  const hRow = row('h', v.h);
  const hLabel = t('equationHiddenAt', { step, index: record.t });
  if (kind === 'RNN') {
    return [
      {
        tex: `\\begin{aligned} ${T.gate('a', now)} &= ${T.x(now)} ${T.Wih()} + b_{ih} + ${T.hPrev(prev)} ${T.Whh()} + b_{hh} \\\\ &= ${xRow} ${T.Wih()} + b_{ih} + ${hPrevRow} ${T.Whh()} + b_{hh} \\\\ &= ${gateRow('a')} \\end{aligned}`,
        label: t('equationPreActivationAt', { step }),
      },
      { tex: `${T.h(now)} = \\tanh(${T.gate('a', now)}) = \\tanh ${gateRow('a')} = ${hRow}`, label: hLabel },
    ];
  }
  if (kind === 'LSTM') {
    const gate = (name: string, fn: string, k: number) => `${T.gate(name, now)} &= ${fn}${row(null, block(v.a, k, H))} = ${gateRow(name)}`;
    return [
      { tex: `\\begin{aligned} ${gate('i', '\\sigma', 0)} \\\\ ${gate('f', '\\sigma', 1)} \\\\ ${gate('g', '\\tanh', 2)} \\\\ ${gate('o', '\\sigma', 3)} \\end{aligned}`, label: t('equationGatesAt', { step }) },
      {
        tex: `\\begin{aligned} ${T.c(now)} &= ${T.gate('f', now)} \\odot ${T.cPrev(prev)} + ${T.gate('i', now)} \\odot ${T.gate('g', now)} \\\\ &= ${gateRow('f')} \\odot ${row('c_prev', record.cPrev ?? [])} \\\\ &\\quad + ${gateRow('i')} \\odot ${gateRow('g')} \\\\ &= ${row('c', v.c)} \\end{aligned}`,
        label: t('equationCellAt', { step }),
      },
      { tex: `\\begin{aligned} ${T.h(now)} &= ${T.gate('o', now)} \\odot \\tanh(${T.c(now)}) \\\\ &= ${gateRow('o')} \\odot ${row(null, v.tanhC)} \\\\ &= ${hRow} \\end{aligned}`, label: hLabel },
    ];
  }
  const gate = (name: string, k: number) =>
    `${T.gate(name, now)} &= \\sigma\\big(${T.x(now)} ${T.Wih(name)} + b_{i${name}} + ${T.hPrev(prev)} ${T.Whh(name)} + b_{h${name}}\\big) \\\\ &= \\sigma\\big(${row(null, block(v.gx, k, H))} + ${row(null, block(v.gh, k, H))}\\big) \\\\ &= ${gateRow(name)}`;
  return [
    { tex: `\\begin{aligned} ${gate('r', 0)} \\\\ ${gate('z', 1)} \\end{aligned}`, label: t('equationGruGatesAt', { step }) },
    {
      tex: `\\begin{aligned} ${T.gate('n', now)} &= \\tanh\\big(${T.x(now)} ${T.Wih('n')} + b_{in} + ${T.gate('r', now)} \\odot (${T.hPrev(prev)} ${T.Whh('n')} + b_{hn})\\big) \\\\ &= \\tanh\\big(${row(null, block(v.gx, 2, H))} + ${gateRow('r')} \\odot ${row(null, v.hn)}\\big) \\\\ &= ${gateRow('n')} \\end{aligned}`,
      label: t('equationCandidateAt', { step }),
    },
    {
      tex: `\\begin{aligned} ${T.h(now)} &= (1 - ${T.gate('z', now)}) \\odot ${T.gate('n', now)} + ${T.gate('z', now)} \\odot ${T.hPrev(prev)} \\\\ &= (1 - ${gateRow('z')}) \\odot ${gateRow('n')} \\\\ &\\quad + ${gateRow('z')} \\odot ${hPrevRow} \\\\ &= ${hRow} \\end{aligned}`,
      label: hLabel,
    },
  ];
}
