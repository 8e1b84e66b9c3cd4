/**
 * Linked highlights agree: wherever an equation marks a row of numbers as a term (h_prev, x, a gate, ∂L/∂h_t …),
 * the wire of the unrolled picture that stands for the same term carries the same numbers, for every
 * cell, at every step, forward and backward.
 */
import { describe, expect, it } from 'vitest';
import type { GraphColumn, GraphWire } from '../../../src/components/unrolledLayout';
import type { CellKind } from '../../../src/core/cells/types';
import { createStepperRecorder, stepperData, stepperInitialState } from '../../../src/core/figures/stepperSetup';
import { createWorkedExampleRecorder, WORKED_EXAMPLE } from '../../../src/core/figures/workedExample';
import { i18n } from '../../../src/i18n/i18n';
import { backwardGraph } from '../../../src/widgets/BpttStepper/backwardGraph';
import { substitutedBackward } from '../../../src/widgets/BpttStepper/backwardEquations';
import { forwardGraph } from '../../../src/widgets/CellStepper/forwardGraph';
import { substitutedEquations } from '../../../src/widgets/CellStepper/forwardEquations';
import type { ShownEquation } from '../../../src/widgets/StepperKit/Equation';
import { exampleEquations } from '../../../src/widgets/WorkedExample/exampleEquations';
import { exampleGraph } from '../../../src/widgets/WorkedExample/exampleGraph';

const cellStepperT = i18n.getFixedT('en', 'cellStepper');
const workedExampleT = i18n.getFixedT('en', 'workedExample');

/** Every row of numbers an equation marks as a term: the shown entries' full values (long rows show 3 + the last). */
function markedRows(equations: ShownEquation[]): { term: string; values: number[] }[] {
  const rows: { term: string; values: number[] }[] = [];
  for (const { tex } of equations) {
    for (const match of tex.matchAll(/\\htmlData\{term=(\w+)\}\{\\begin\{bmatrix\}(.*?)\\end\{bmatrix\}\}/g)) {
      rows.push({ term: match[1], values: [...match[2].matchAll(/full=([^}]+)\}/g)].map((m) => Number(m[1])) });
    }
  }
  return rows;
}

const wiresOf = ({ columns, initial }: { columns: GraphColumn[]; initial: GraphWire[] }) => [...initial, ...columns.flatMap((c) => [c.top, c.bottom, ...c.inner, ...c.links])];

/** The entries a row shows of `values`: all of a short vector, the first three and the last of a long one. */
const shownOf = (values: number[]) => (values.length > 6 ? [...values.slice(0, 3), values[values.length - 1]] : values);

function expectAgreement(equations: ShownEquation[], wires: GraphWire[], must: string[]) {
  const rows = markedRows(equations);
  const linked = new Set<string>();
  for (const { term, values } of rows) {
    for (const wire of wires.filter((w) => w.terms?.includes(term))) {
      expect(wire.values, `${wire.id} for ${term}`).not.toBeNull();
      expect(shownOf(wire.values!), `${wire.id} carries the numbers of ${term}`).toEqual(values);
      linked.add(term);
    }
  }
  for (const term of must) expect(linked, `${term} linked`).toContain(term);
}

const GATES: Record<CellKind, string[]> = { RNN: ['a'], LSTM: ['i', 'f', 'g', 'o'], GRU: ['r', 'z', 'n'] };

describe.each(['RNN', 'LSTM', 'GRU'] as const)('%s', (kind) => {
  it('forward: the equations’ marked numbers are the marked wires’ numbers', async () => {
    const setup = { kind, inputSize: 2, hiddenSize: 7, seqLength: 3, seed: 1 };
    const recorder = await createStepperRecorder(setup);
    const { inputs } = stepperData(setup);
    const { h0, c0 } = stepperInitialState(setup);
    for (let position = 1; position <= recorder.length; position++) {
      recorder.seek(position);
      const snapshot = recorder.snapshot();
      const active = snapshot.activeStep!;
      const graph = forwardGraph(cellStepperT, { kind, hiddenSize: 7, inputs, h0, c0, forward: snapshot.forward, active });
      // Each cell's equations print the rows its computation reads: x_t only in the RNN's, h_{t−1} not in the LSTM's.
      const must = ['h', ...GATES[kind], ...{ RNN: ['x', 'h_prev'], LSTM: ['c', 'c_prev'], GRU: ['h_prev'] }[kind]];
      expectAgreement(substitutedEquations(cellStepperT, kind, snapshot.forward[active]), wiresOf(graph), must);
    }
  });

  it('backward: ∂L/∂h_t, its two sources, δ_t and the gradient leaving for step t − 1', async () => {
    const setup = { kind, inputSize: 2, hiddenSize: 3, seqLength: 4, seed: 2, withLoss: true, truncation: 2 };
    const recorder = await createStepperRecorder(setup);
    const t = i18n.getFixedT('en', 'bpttStepper');
    for (let position = recorder.length + 1; position <= recorder.maxPosition; position++) {
      recorder.seek(position);
      const snapshot = recorder.snapshot();
      const active = snapshot.activeStep!;
      const graph = backwardGraph(t, { kind, hiddenSize: 3, inputSize: 2, seqLength: 4, truncation: 2, snapshot, active });
      // Truncation cuts the state entering step 3 (index 2): that wire does not carry ∂L/∂h_2.
      const must = ['dh', 'dout', 'dfut', 'delta', ...(active === 2 ? [] : ['dh_prev'])];
      expectAgreement(substitutedBackward(t, kind, snapshot.backward[active]!, 4), wiresOf(graph), must);
    }
  });
});

describe('worked example', () => {
  it('links x, a, h and o to the wires of the active step', async () => {
    const recorder = await createWorkedExampleRecorder(WORKED_EXAMPLE);
    for (const position of [1, 2]) {
      recorder.seek(position);
      const snapshot = recorder.snapshot();
      const record = snapshot.forward[snapshot.activeStep!];
      expectAgreement(exampleEquations(workedExampleT, WORKED_EXAMPLE, record), wiresOf(exampleGraph(workedExampleT, WORKED_EXAMPLE, snapshot)), ['a', 'h', 'o']);
    }
  });

  it('marks nothing before the first step', async () => {
    const recorder = await createWorkedExampleRecorder(WORKED_EXAMPLE);
    expect(wiresOf(exampleGraph(workedExampleT, WORKED_EXAMPLE, recorder.snapshot())).filter((w) => w.terms)).toEqual([]);
  });
});
