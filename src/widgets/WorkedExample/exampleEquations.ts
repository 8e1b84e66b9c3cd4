/**
 * The worked example's equations in the notes' form, h_t = tanh([h_{t−1}, x_t]·W + b) and o_t = h_t·W_o + b_o:
 * symbols first, then the active step's numbers from the recorder beside the weights the reader set.
 */
import type { TFunction } from 'i18next';
import type { ForwardStepRecord } from '../../core/unroll/unroll';
import type { WorkedExample } from '../../core/figures/workedExample';
import type { ShownEquation } from '../StepperKit/Equation';
import { stepNumber } from '../StepperKit/labels';
import { texGivenMatrix, texRow, texTerm } from '../StepperKit/tex';

/** Six decimals: the notes print their numbers to six places. */
const DIGITS = 6;

const row = (term: string, values: number[]) => texTerm(term, texRow(values, DIGITS));
const symbol = (term: string, name: string, t: string | number) => texTerm(term, `${name}_{${t}}`);
const W = texTerm('W', 'W');
const b = texTerm('b', 'b');
const Wo = texTerm('W_o', 'W_o');
const bo = texTerm('b_o', 'b_o');

/** Before the first step: the recurrence in symbols. */
export function exampleSymbols(t: TFunction<'workedExample'>): ShownEquation[] {
  return [
    {
      tex: `${symbol('h', 'h', 't')} = \\tanh\\big([${symbol('h_prev', 'h', 't-1')}, ${symbol('x', 'x', 't')}]\\,${W} + ${b}\\big), \\qquad ${symbol('o', 'o', 't')} = ${symbol('h', 'h', 't')} ${Wo} + ${bo}`,
      label: t('equationRecurrence'),
    },
  ];
}

/** The step at array index `record.t` (printed as step n = record.t + 1) with its numbers in place, labelled through `t`. */
export function exampleEquations(t: TFunction<'workedExample'>, example: WorkedExample, record: ForwardStepRecord): ShownEquation[] {
  const n = stepNumber(record.t);
  const a = symbol('a', 'a', n);
  const h = symbol('h', 'h', n);
  return [
    {
      tex: `\\begin{aligned} ${a} &= [${symbol('h_prev', 'h', n - 1)}, ${symbol('x', 'x', n)}]\\,${W} + ${b} \\\\ &= ${texRow([...record.hPrev, ...record.x], DIGITS)}${texTerm('W', texGivenMatrix(example.cellWeight))} + ${texTerm('b', texGivenMatrix([example.cellBias]))} \\\\ &= ${row('a', record.values.a)} \\end{aligned}`,
      label: t('equationPreActivationAt', { step: n }),
    },
    { tex: `${h} = \\tanh(${a}) = ${row('h', record.values.h)}`, label: t('equationStateAt', { step: n }) },
    {
      tex: `${symbol('o', 'o', n)} = ${h} ${Wo} + ${bo} = ${row('h', record.values.h)}${texTerm('W_o', texGivenMatrix(example.outputWeight))} + ${texTerm('b_o', texGivenMatrix([example.outputBias]))} = ${row('o', record.y ?? [])}`,
      label: t('equationOutputAt', { step: n }),
    },
  ];
}
