/**
 * The backward step's equations: symbols first, then the active step's numbers from the recorder. The
 * gradient at the pre-activations is read off this step's share of ∂L/∂b_hh, which is exactly that vector.
 * The words inside the TeX (\text{…}) and the equations' labels come from the `bpttStepper` catalogue;
 * `Equation` renders with KaTeX's strict mode off, so Chinese inside \text{} typesets without a warning.
 */
import type { TFunction } from 'i18next';
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
export function symbolicBackward(t: TFunction<'bpttStepper'>, kind: CellKind): ShownEquation[] {
  return [
    {
      tex: `${texTerm('dh', d('h_t'))} = \\underbrace{${texTerm('dout', `${d('o_t')} W_o`)}}_{\\text{${t('fromOutput')}}} + \\underbrace{${texTerm('dfut', `${d('h_t')}\\Big|_{t+1}`)}}_{\\text{${t('fromFuture')}}}`,
      label: t('eqArriving', { step: 't' }),
    },
    {
      tex: `${dW('W_hh', 'W_{hh}')} = \\sum_t \\delta_t^{\\top} h_{t-1}, \\qquad ${dW('W_ih', 'W_{ih}')} = \\sum_t \\delta_t^{\\top} x_t, \\qquad ${texTerm('delta', '\\delta_t')} = ${kind === 'RNN' ? `${d('h_t')} \\odot (1 - h_t^2)` : d('a_t')}`,
      label: t('eqWeightSums'),
    },
  ];
}

/** The equations of the BPTT step at array index `b.t` (printed as step t = b.t + 1), numbers substituted. */
export function substitutedBackward(t: TFunction<'bpttStepper'>, kind: CellKind, b: BackwardStepRecord, seqLength: number): ShownEquation[] {
  const step = stepNumber(b.t);
  const future = step < seqLength ? t('fromStep', { step: step + 1 }) : t('nothingAfterLast');
  const delta = (b.contributions.bias_hh_l0 as number[] | undefined) ?? [];
  const deltaIh = (b.contributions.bias_ih_l0 as number[] | undefined) ?? [];
  const dh = (n: number) => d(`h_{${n}}`);
  const equations: ShownEquation[] = [
    {
      tex: `\\begin{aligned} ${texTerm('dh', dh(step))} &= \\underbrace{${row('dout', b.dhFromOutput)}}_{\\text{${t('fromOutput')}}} + \\underbrace{${row('dfut', b.dhFromFuture)}}_{\\text{${future}}} \\\\ &= ${row('dh', b.dh)} \\end{aligned}`,
      label: t('eqArriving', { step }),
    },
  ];
  if (kind === 'LSTM' && b.dcFromFuture) {
    equations.push({ tex: `${texTerm('dc_fut', `${d(`c_{${step}}`)}\\Big|_{\\text{${future}}}`)} = ${row('dc_fut', b.dcFromFuture)}`, label: t('eqCellArriving', { step }) });
  }
  const deltaSymbol = kind === 'GRU' ? `\\delta^{hh}_{${step}}` : `\\delta_{${step}}`;
  if (kind === 'RNN') {
    equations.push({ tex: `${texTerm('delta', deltaSymbol)} = ${texTerm('dh', dh(step))} \\odot \\big(1 - h_{${step}}^2\\big) = ${row('delta', delta)}`, label: t('eqPreActivation', { step }) });
  } else if (kind === 'LSTM') {
    equations.push({
      tex: `${texTerm('delta', deltaSymbol)} = ${d(`a_{${step}}`)} = \\big[\\,\\delta^i\\ \\delta^f\\ \\delta^g\\ \\delta^o\\,\\big] = ${row('delta', delta)}`,
      label: t('eqGatePreActivations', { step }),
    });
  } else {
    equations.push({
      tex: `\\begin{aligned} \\delta^{ih}_{${step}} &= ${d(`(x_{${step}} W_{ih}^\\top + b_{ih})`)} = ${texRow(deltaIh)} \\\\ ${texTerm('delta', deltaSymbol)} &= ${d(`(h_{${step - 1}} W_{hh}^\\top + b_{hh})`)} = ${row('delta', delta)} \\end{aligned}`,
      label: t('eqProjections', { step }),
    });
  }
  const dIh = kind === 'GRU' ? '\\delta^{ih}' : '\\delta';
  const dHh = kind === 'GRU' ? '\\delta^{hh}' : '\\delta';
  equations.push({
    tex: `${dW('W_ih', 'W_{ih}')} \\mathrel{+}= {${dIh}_{${step}}}^{\\top} x_{${step}}, \\qquad ${dW('W_hh', 'W_{hh}')} \\mathrel{+}= {${texTerm('delta', `${dHh}_{${step}}`)}}^{\\top} h_{${step - 1}}, \\qquad ${dW('b_hh', 'b_{hh}')} \\mathrel{+}= ${texTerm('delta', `${dHh}_{${step}}`)}`,
    label: t('eqContributions', { step }),
  });
  const passed = b.cut ? `\\quad \\text{${t('stoppedByTruncation')}}` : `\\quad \\rightarrow \\text{${t('passedTo', { step: step - 1 })}}`;
  equations.push({
    tex: `${texTerm('dh_prev', dh(step - 1))} = ${texTerm('delta', `${dHh}_{${step}}`)} W_{hh}${kind === 'GRU' ? ` + z_{${step}} \\odot ${texTerm('dh', dh(step))}` : ''} = ${row('dh_prev', b.dhPrev)}${step > 1 ? passed : `\\quad \\text{${t('theInitialState')}}`}`,
    label: t('eqLeaving', { step }),
  });
  if (kind === 'LSTM' && b.dcPrev) {
    equations.push({ tex: `${texTerm('dc_prev', d(`c_{${step - 1}}`))} = ${d(`c_{${step}}`)} \\odot f_{${step}} = ${row('dc_prev', b.dcPrev)}`, label: t('eqCellLeaving', { step }) });
  }
  return equations;
}
