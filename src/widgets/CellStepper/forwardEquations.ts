/**
 * The cell's equations in PyTorch's row-vector form, first as symbols, then with the numbers of the active
 * step substituted. Only slicing and formatting happen here; every number comes from the recorder.
 */
import type { CellKind } from '../../core/cells/types';
import type { ForwardStepRecord } from '../../core/unroll/unroll';
import type { ShownEquation } from '../StepperKit/Equation';
import { stepNumber } from '../StepperKit/labels';
import { texRow } from '../StepperKit/tex';

const SYMBOLS: Record<CellKind, ShownEquation[]> = {
  RNN: [
    { tex: 'a_t = x_t W_{ih}^\\top + b_{ih} + h_{t-1} W_{hh}^\\top + b_{hh}', label: 'pre-activation' },
    { tex: 'h_t = \\tanh(a_t)', label: 'new hidden state' },
  ],
  LSTM: [
    { tex: '\\begin{bmatrix} i_t & f_t & g_t & o_t \\end{bmatrix} = \\begin{bmatrix} \\sigma & \\sigma & \\tanh & \\sigma \\end{bmatrix}\\!\\left(x_t W_{ih}^\\top + b_{ih} + h_{t-1} W_{hh}^\\top + b_{hh}\\right)', label: 'gates' },
    { tex: 'c_t = f_t \\odot c_{t-1} + i_t \\odot g_t, \\qquad h_t = o_t \\odot \\tanh(c_t)', label: 'cell state and hidden state' },
  ],
  GRU: [
    { tex: 'r_t = \\sigma(x_t W_{ir}^\\top + b_{ir} + h_{t-1} W_{hr}^\\top + b_{hr}), \\quad z_t = \\sigma(x_t W_{iz}^\\top + b_{iz} + h_{t-1} W_{hz}^\\top + b_{hz})', label: 'gates' },
    { tex: 'n_t = \\tanh\\!\\left(x_t W_{in}^\\top + b_{in} + r_t \\odot (h_{t-1} W_{hn}^\\top + b_{hn})\\right), \\quad h_t = (1 - z_t) \\odot n_t + z_t \\odot h_{t-1}', label: 'candidate and hidden state' },
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
  const t = stepNumber(record.t);
  const prev = `{${t - 1}}`;
  const v = record.values;
  const H = v.h.length;
  const row = texRow;
  if (kind === 'RNN') {
    return [
      { tex: `\\begin{aligned} a_{${t}} &= x_{${t}} W_{ih}^\\top + b_{ih} + h_${prev} W_{hh}^\\top + b_{hh} \\\\ &= ${row(record.x)} W_{ih}^\\top + b_{ih} + ${row(record.hPrev)} W_{hh}^\\top + b_{hh} \\\\ &= ${row(v.a)} \\end{aligned}`, label: `pre-activation at step ${t}` },
      { tex: `h_{${t}} = \\tanh(a_{${t}}) = \\tanh ${row(v.a)} = ${row(v.h)}`, label: `hidden state after step ${t} (PyTorch’s output[${t - 1}])` },
    ];
  }
  if (kind === 'LSTM') {
    const gate = (name: string, fn: string, k: number) => `${name}_{${t}} &= ${fn}${row(block(v.a, k, H))} = ${row(v[name])}`;
    return [
      { tex: `\\begin{aligned} ${gate('i', '\\sigma', 0)} \\\\ ${gate('f', '\\sigma', 1)} \\\\ ${gate('g', '\\tanh', 2)} \\\\ ${gate('o', '\\sigma', 3)} \\end{aligned}`, label: `gates at step ${t}` },
      {
        tex: `\\begin{aligned} c_{${t}} &= f_{${t}} \\odot c_${prev} + i_{${t}} \\odot g_{${t}} \\\\ &= ${row(v.f)} \\odot ${row(record.cPrev ?? [])} \\\\ &\\quad + ${row(v.i)} \\odot ${row(v.g)} \\\\ &= ${row(v.c)} \\end{aligned}`,
        label: `cell state after step ${t}`,
      },
      { tex: `\\begin{aligned} h_{${t}} &= o_{${t}} \\odot \\tanh(c_{${t}}) \\\\ &= ${row(v.o)} \\odot ${row(v.tanhC)} \\\\ &= ${row(v.h)} \\end{aligned}`, label: `hidden state after step ${t} (PyTorch’s output[${t - 1}])` },
    ];
  }
  const gate = (name: string, k: number) =>
    `${name}_{${t}} &= \\sigma\\big(x_{${t}} W_{i${name}}^\\top + b_{i${name}} + h_${prev} W_{h${name}}^\\top + b_{h${name}}\\big) \\\\ &= \\sigma\\big(${row(block(v.gx, k, H))} + ${row(block(v.gh, k, H))}\\big) \\\\ &= ${row(v[name])}`;
  return [
    { tex: `\\begin{aligned} ${gate('r', 0)} \\\\ ${gate('z', 1)} \\end{aligned}`, label: `gates at step ${t}: input part plus hidden part` },
    {
      tex: `\\begin{aligned} n_{${t}} &= \\tanh\\big(x_{${t}} W_{in}^\\top + b_{in} + r_{${t}} \\odot (h_${prev} W_{hn}^\\top + b_{hn})\\big) \\\\ &= \\tanh\\big(${row(block(v.gx, 2, H))} + ${row(v.r)} \\odot ${row(v.hn)}\\big) \\\\ &= ${row(v.n)} \\end{aligned}`,
      label: `candidate at step ${t}`,
    },
    {
      tex: `\\begin{aligned} h_{${t}} &= (1 - z_{${t}}) \\odot n_{${t}} + z_{${t}} \\odot h_${prev} \\\\ &= (1 - ${row(v.z)}) \\odot ${row(v.n)} \\\\ &\\quad + ${row(v.z)} \\odot ${row(record.hPrev)} \\\\ &= ${row(v.h)} \\end{aligned}`,
      label: `hidden state after step ${t} (PyTorch’s output[${t - 1}])`,
    },
  ];
}
