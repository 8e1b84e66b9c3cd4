import { useMemo, useState } from 'react';
import { formatDecimals } from '../../components/format';
import { StepperBar } from '../../components/StepperBar';
import { UnrolledGraph, type GraphColumn, type GraphWire } from '../../components/UnrolledGraph';
import { WidgetFrame } from '../../components/WidgetFrame';
import type { UnrollSnapshot } from '../../core/unroll/unroll';
import { createWorkedExampleRecorder, WORKED_EXAMPLE, type WorkedExample as Example } from '../../core/figures/workedExample';
import { compareWithNotes } from '../../core/figures/workedExampleCheck';
import { useEngineResult } from '../../hooks/useEngineResult';
import { usePersistentState } from '../../hooks/usePersistentState';
import { Equation } from '../StepperKit/Equation';
import { INITIAL_NOTE, stepNumber, sub } from '../StepperKit/labels';
import { texGivenMatrix, texRow } from '../StepperKit/tex';
import { useRecorderCursor } from '../StepperKit/useRecorderCursor';
import { ExampleEditor, isExampleLike } from './ExampleEditor';
import '../StepperKit/StepperKit.css';
import './WorkedExample.css';

const DIGITS = 6;

function describe(snapshot: UnrollSnapshot | null): string {
  if (!snapshot) return 'waiting for the engine';
  return snapshot.activeStep === null ? `before step 1 (${snapshot.length} steps)` : `step ${stepNumber(snapshot.activeStep)} computed (${snapshot.forwardCursor} of ${snapshot.length})`;
}

/** The picture: x_t below, the pre-activation and state inside, o_t above, the state flowing right from h₀. */
function exampleGraph(example: Example, snapshot: UnrollSnapshot | null): { columns: GraphColumn[]; initial: GraphWire[] } {
  const H = example.h0.length;
  const forward = snapshot?.forward ?? [];
  const initial: GraphWire[] = [{ id: 'h-init', label: `h${sub(0)}`, name: `h_0, ${INITIAL_NOTE}`, values: example.h0, size: H }];
  // Wire ids keep the engine's array index t; what is printed counts steps from 1 (n = t + 1).
  const columns = example.inputs.map((x, t): GraphColumn => {
    const f = forward[t];
    const n = stepNumber(t);
    return {
      bottom: { id: `x-${t}`, label: `x${sub(n)}`, name: `x_${n}, the input at step ${n} (row ${t} of X)`, values: x, size: x.length },
      inner: [
        { id: `a-${t}`, label: 'a', name: `a_${n} = [h_${n - 1}, x_${n}]·W + b, the pre-activation at step ${n}`, values: f?.values.a ?? null, size: H },
        { id: `hin-${t}`, label: 'h', name: `h_${n} = tanh(a_${n}), the state after step ${n}`, values: f?.values.h ?? null, size: H },
      ],
      top: { id: `o-${t}`, label: `o${sub(n)}`, name: `o_${n} = h_${n}·W_o + b_o, the output at step ${n}`, values: f?.y ?? null, size: example.outputBias.length },
      links: [{ id: `h-${t}`, label: `h${sub(n)}`, name: `h_${n}, the hidden state after step ${n} (PyTorch’s output[${t}])`, values: f?.values.h ?? null, size: H }],
    };
  });
  return { columns, initial };
}

/** Chapter 2: the notes' two-step example, on the engine, with every weight editable. */
export default function WorkedExample() {
  const [example, setExample, resetExample] = usePersistentState<Example>('worked-example', WORKED_EXAMPLE, isExampleLike(WORKED_EXAMPLE));
  const [editorKey, setEditorKey] = useState(0);
  const key = JSON.stringify(example);
  const { engine, result, error, busy } = useEngineResult(async () => ({ key, recorder: await createWorkedExampleRecorder(example) }), [key]);
  const recorder = result?.key === key ? result.recorder : null;
  const { snapshot, bar, onKeyDown } = useRecorderCursor(recorder, describe);
  const graph = useMemo(() => exampleGraph(example, snapshot), [example, snapshot]);
  const forward = snapshot?.forward ?? [];
  const notes = compareWithNotes(forward.map((f) => f.values.h), forward.map((f) => f.y ?? []));
  const active = snapshot?.activeStep ?? null;
  const record = active !== null ? forward[active] : undefined;
  // The step on show, counted from 1 as in the chapter: h_n = tanh([h_{n−1}, x_n]·W + b).
  const n = record ? stepNumber(record.t) : 0;
  const edited = key !== JSON.stringify(WORKED_EXAMPLE);

  const reset = () => {
    resetExample();
    setEditorKey((k) => k + 1);
  };

  return (
    <WidgetFrame title="Worked example: two steps of a tanh RNN" engine={engine} busy={busy} error={error} controls={<button type="button" onClick={reset}>Reset weights</button>}>
      <div className="stepper-widget" onKeyDown={onKeyDown}>
        <ExampleEditor key={editorKey} example={example} onChange={setExample} />
        <StepperBar {...bar} />
        <UnrolledGraph
          title="The example unrolled over two steps"
          cellLabel="tanh RNN"
          columns={graph.columns}
          initial={graph.initial}
          activeStep={active}
          direction="forward"
          limit={2}
          featured={active !== null ? `h-${active}` : 'h-init'}
        />
        <section className="stepper-equations" tabIndex={0} aria-label="Equations of the current step" data-testid="example-equations">
          {record ? (
            <>
              <Equation
                label={`pre-activation at step ${n}`}
                tex={`\\begin{aligned} a_{${n}} &= [h_{${n - 1}}, x_{${n}}]\\,W + b \\\\ &= ${texRow([...record.hPrev, ...record.x], DIGITS)}${texGivenMatrix(example.cellWeight)} + ${texGivenMatrix([example.cellBias])} \\\\ &= ${texRow(record.values.a, DIGITS)} \\end{aligned}`}
              />
              <Equation label={`state after step ${n}`} tex={`h_{${n}} = \\tanh(a_{${n}}) = ${texRow(record.values.h, DIGITS)}`} />
              <Equation
                label={`output at step ${n}`}
                tex={`o_{${n}} = h_{${n}} W_o + b_o = ${texRow(record.values.h, DIGITS)}${texGivenMatrix(example.outputWeight)} + ${texGivenMatrix([example.outputBias])} = ${texRow(record.y ?? [], DIGITS)}`}
              />
            </>
          ) : (
            <>
              <Equation label="the recurrence" tex="h_t = \tanh\big([h_{t-1}, x_t]\,W + b\big), \qquad o_t = h_t W_o + b_o" />
              <p className="placeholder">Step forward to compute step 1.</p>
            </>
          )}
        </section>
        <table className="notes-table" data-testid="notes-table">
          <caption>The notes’ numbers beside the engine’s{edited ? ' (weights edited: the notes’ numbers belong to the original weights)' : ''}</caption>
          <thead>
            <tr>
              <th scope="col">quantity</th>
              <th scope="col">notes</th>
              <th scope="col">live</th>
              <th scope="col">agree to 1e−6</th>
            </tr>
          </thead>
          <tbody>
            {notes.map((entry) => (
              <tr key={entry.label} className={entry.step === active ? 'current' : undefined}>
                <th scope="row">{entry.label}</th>
                <td data-value={entry.expected}>{entry.expected.toFixed(8)}</td>
                <td data-testid={`live-${entry.label}`} data-value={entry.live ?? undefined} aria-label={entry.live === null ? 'not computed yet' : undefined}>
                  {entry.live === null ? '—' : formatDecimals(entry.live, DIGITS)}
                </td>
                <td className={entry.agrees ? 'agree' : 'differ'}>{entry.live === null ? '' : entry.agrees ? '✓' : '✗ differs'}</td>
              </tr>
            ))}
          </tbody>
        </table>
      </div>
    </WidgetFrame>
  );
}
