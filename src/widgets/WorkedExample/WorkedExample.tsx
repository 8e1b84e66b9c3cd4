/**
 * The worked example: the reader steps the notes' two-step tanh RNN on the engine, edits any weight or input
 * and sees every number recomputed beside the notes' own; pointing at a term of an equation lights its wire
 * or its group of weights. It shows `createWorkedExampleRecorder` (core/figures) → the recorder's forward
 * pass (`recorder.seek()` / `snapshot()`), checked against the notes by `compareWithNotes`.
 */
import { useMemo, useState } from 'react';
import { formatDecimals } from '../../components/format';
import { StepperBar } from '../../components/StepperBar';
import { UnrolledGraph } from '../../components/UnrolledGraph';
import { WidgetFrame } from '../../components/WidgetFrame';
import type { UnrollSnapshot } from '../../core/unroll/unroll';
import { createWorkedExampleRecorder, WORKED_EXAMPLE, type WorkedExample as Example } from '../../core/figures/workedExample';
import { compareWithNotes } from '../../core/figures/workedExampleCheck';
import { useEngineResult } from '../../hooks/useEngineResult';
import { usePersistentState } from '../../hooks/usePersistentState';
import { Equation } from '../StepperKit/Equation';
import { stepNumber } from '../StepperKit/labels';
import { TermProvider, useTermState } from '../StepperKit/termHighlight';
import { useRecorderCursor } from '../StepperKit/useRecorderCursor';
import { ExampleEditor, isExampleLike } from './ExampleEditor';
import { exampleEquations, exampleSymbols } from './exampleEquations';
import { exampleGraph } from './exampleGraph';
import '../StepperKit/StepperKit.css';
import './WorkedExample.css';

const DIGITS = 6;

function describe(snapshot: UnrollSnapshot | null): string {
  if (!snapshot) return 'waiting for the engine';
  return snapshot.activeStep === null ? `before step 1 (${snapshot.length} steps)` : `step ${stepNumber(snapshot.activeStep)} computed (${snapshot.forwardCursor} of ${snapshot.length})`;
}

/** Chapter 2: the notes' two-step example, on the engine, with every weight editable. */
export default function WorkedExample() {
  const [example, setExample, resetExample] = usePersistentState<Example>('worked-example', WORKED_EXAMPLE, isExampleLike(WORKED_EXAMPLE), { name: 'weights' });
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
  const highlight = useTermState();
  const edited = key !== JSON.stringify(WORKED_EXAMPLE);

  const reset = () => {
    resetExample();
    setEditorKey((k) => k + 1);
  };

  return (
    <WidgetFrame title="Worked example: two steps of a tanh RNN" engine={engine} busy={busy} error={error} controls={<button type="button" onClick={reset}>Reset weights</button>}>
      <TermProvider value={highlight}>
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
            highlight={highlight.term}
            onHighlight={highlight.show}
          />
          <section className="stepper-equations" tabIndex={0} aria-label="Equations of the current step" data-testid="example-equations">
            {(record ? exampleEquations(example, record) : exampleSymbols()).map((eq) => (
              <Equation key={eq.label} tex={eq.tex} label={eq.label} />
            ))}
            {!record && <p className="placeholder">Step forward to compute step 1.</p>}
          </section>
          {/* Focusable: on a phone the table scrolls sideways, and the keyboard must be able to scroll it. */}
          <table className="notes-table" data-testid="notes-table" tabIndex={0}>
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
      </TermProvider>
    </WidgetFrame>
  );
}
