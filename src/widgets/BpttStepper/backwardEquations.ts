/**
 * The backward step's equations: symbols first, then the active step's numbers from the recorder. The
 * gradient at the pre-activations is read off this step's share of ∂L/∂b_hh, which is exactly that vector.
 */
import type { CellKind } from '../../core/cells/types';
import type { BackwardStepRecord } from '../../core/unroll/unroll';
import type { ShownEquation } from '../StepperKit/Equation';
import { stepNumber } from '../StepperKit/labels';
import { texRow, texTerm } from '../StepperKit/tex';

const d = (of: string) => `\\frac{\\partial L}{\\partial ${of}}`;
/** ∂L/∂W_hh and friends, marked as the gradient the panel below shows. */
const dW = (symbol: string, tex: string) => texTerm(`d${symbol}`, d(tex));
/** A row of numbers marked as the term it is the value of: pointing at it lights the same numbers on the wire. */
const row = (term: string, values: number[]) => texTerm(term, texRow(values));

/** Before the first BPTT step: the shape of the computation. */
export function symbolicBackward(kind: CellKind): ShownEquation[] {
  return [
    {
      tex: `${texTerm('dh', d('h_t'))} = \\underbrace{${texTerm('dout', `${d('o_t')} W_o`)}}_{\\text{from the output}} + \\underbrace{${texTerm('dfut', `${d('h_t')}\\Big|_{t+1}`)}}_{\\text{from the future}}`,
      label: 'gradient arriving at h_t',
    },
    {
      tex: `${dW('W_hh', 'W_{hh}')} = \\sum_t \\delta_t^{\\top} h_{t-1}, \\qquad ${dW('W_ih', 'W_{ih}')} = \\sum_t \\delta_t^{\\top} x_t, \\qquad ${texTerm('delta', '\\delta_t')} = ${kind === 'RNN' ? `${d('h_t')} \\odot (1 - h_t^2)` : d('a_t')}`,
      label: 'weight gradients are sums over time steps',
    },
  ];
}

/** The equations of the BPTT step at array index `b.t` (printed as step t = b.t + 1), numbers substituted. */
export function substitutedBackward(kind: CellKind, b: BackwardStepRecord, seqLength: number): ShownEquation[] {
  const t = stepNumber(b.t);
  const future = t < seqLength ? `from step ${t + 1}` : 'nothing after the last step';
  const delta = (b.contributions.bias_hh_l0 as number[] | undefined) ?? [];
  const deltaIh = (b.contributions.bias_ih_l0 as number[] | undefined) ?? [];
  const dh = (n: number) => d(`h_{${n}}`);
  const equations: ShownEquation[] = [
    {
      tex: `\\begin{aligned} ${texTerm('dh', dh(t))} &= \\underbrace{${row('dout', b.dhFromOutput)}}_{\\text{from the output}} + \\underbrace{${row('dfut', b.dhFromFuture)}}_{\\text{${future}}} \\\\ &= ${row('dh', b.dh)} \\end{aligned}`,
      label: `gradient arriving at h_${t}`,
    },
  ];
  if (kind === 'LSTM' && b.dcFromFuture) {
    equations.push({ tex: `${texTerm('dc_fut', `${d(`c_{${t}}`)}\\Big|_{\\text{${future}}}`)} = ${row('dc_fut', b.dcFromFuture)}`, label: `cell-state gradient arriving at c_${t}` });
  }
  const deltaSymbol = kind === 'GRU' ? `\\delta^{hh}_{${t}}` : `\\delta_{${t}}`;
  if (kind === 'RNN') {
    equations.push({ tex: `${texTerm('delta', deltaSymbol)} = ${texTerm('dh', dh(t))} \\odot \\big(1 - h_{${t}}^2\\big) = ${row('delta', delta)}`, label: `gradient at the pre-activation of step ${t}` });
  } else if (kind === 'LSTM') {
    equations.push({
      tex: `${texTerm('delta', deltaSymbol)} = ${d(`a_{${t}}`)} = \\big[\\,\\delta^i\\ \\delta^f\\ \\delta^g\\ \\delta^o\\,\\big] = ${row('delta', delta)}`,
      label: `gradient at the gate pre-activations of step ${t}`,
    });
  } else {
    equations.push({
      tex: `\\begin{aligned} \\delta^{ih}_{${t}} &= ${d(`(x_{${t}} W_{ih}^\\top + b_{ih})`)} = ${texRow(deltaIh)} \\\\ ${texTerm('delta', deltaSymbol)} &= ${d(`(h_{${t - 1}} W_{hh}^\\top + b_{hh})`)} = ${row('delta', delta)} \\end{aligned}`,
      label: `gradients at the input and hidden projections of step ${t}`,
    });
  }
  const dIh = kind === 'GRU' ? '\\delta^{ih}' : '\\delta';
  const dHh = kind === 'GRU' ? '\\delta^{hh}' : '\\delta';
  equations.push({
    tex: `${dW('W_ih', 'W_{ih}')} \\mathrel{+}= {${dIh}_{${t}}}^{\\top} x_{${t}}, \\qquad ${dW('W_hh', 'W_{hh}')} \\mathrel{+}= {${texTerm('delta', `${dHh}_{${t}}`)}}^{\\top} h_{${t - 1}}, \\qquad ${dW('b_hh', 'b_{hh}')} \\mathrel{+}= ${texTerm('delta', `${dHh}_{${t}}`)}`,
    label: `step ${t}'s contributions to the weight gradients`,
  });
  const passed = b.cut ? `\\quad \\text{(stopped here: truncation)}` : `\\quad \\rightarrow \\text{step ${t - 1}}`;
  equations.push({
    tex: `${texTerm('dh_prev', dh(t - 1))} = ${texTerm('delta', `${dHh}_{${t}}`)} W_{hh}${kind === 'GRU' ? ` + z_{${t}} \\odot ${texTerm('dh', dh(t))}` : ''} = ${row('dh_prev', b.dhPrev)}${t > 1 ? passed : '\\quad \\text{(the initial state)}'}`,
    label: `gradient leaving step ${t} for the earlier state`,
  });
  if (kind === 'LSTM' && b.dcPrev) {
    equations.push({ tex: `${texTerm('dc_prev', d(`c_{${t - 1}}`))} = ${d(`c_{${t}}`)} \\odot f_{${t}} = ${row('dc_prev', b.dcPrev)}`, label: `cell-state gradient leaving step ${t}` });
  }
  return equations;
}
