/**
 * The worked example: the reader steps the notes' two-step tanh RNN on the engine, edits any weight or input
 * and sees every number recomputed beside the notes' own; pointing at a term of an equation lights its wire
 * or its group of weights. It shows `createWorkedExampleRecorder` (core/figures) → the recorder's forward
 * pass (`recorder.seek()` / `snapshot()`), checked against the notes by `compareWithNotes`.
 */
import type { TFunction } from 'i18next';
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
import { useT } from '../../i18n/useT';
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

/** The stepper bar's words for where the reader is. */
function describe(t: TFunction<'workedExample'>, snapshot: UnrollSnapshot | null): string {
  if (!snapshot) return t('waiting');
  if (snapshot.activeStep === null) return t('beforeFirstStep', { length: snapshot.length });
  return t('stepComputed', { step: stepNumber(snapshot.activeStep), position: snapshot.forwardCursor, length: snapshot.length });
}

/** Chapter 2: the notes' two-step example, on the engine, with every weight editable. */
export default function WorkedExample() {
  const t = useT('workedExample');
  const [example, setExample, resetExample] = usePersistentState<Example>('worked-example', WORKED_EXAMPLE, isExampleLike(WORKED_EXAMPLE), { name: 'weights' });
  const [editorKey, setEditorKey] = useState(0);
  const key = JSON.stringify(example);
  const { engine, result, error, busy } = useEngineResult(async () => ({ key, recorder: await createWorkedExampleRecorder(example) }), [key]);
  const recorder = result?.key === key ? result.recorder : null;
  const { snapshot, bar, onKeyDown } = useRecorderCursor(recorder, (at) => describe(t, at));
  const graph = useMemo(() => exampleGraph(t, example, snapshot), [t, example, snapshot]);
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
    <WidgetFrame title={t('title')} engine={engine} busy={busy} error={error} controls={<button type="button" onClick={reset}>{t('resetWeights')}</button>}>
      <TermProvider value={highlight}>
        <div className="stepper-widget" onKeyDown={onKeyDown}>
          <ExampleEditor key={editorKey} example={example} onChange={setExample} />
          <StepperBar {...bar} />
          <UnrolledGraph
            title={t('graphTitle')}
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
          <section className="stepper-equations" tabIndex={0} aria-label={t('equationsLabel')} data-testid="example-equations">
            {(record ? exampleEquations(t, example, record) : exampleSymbols(t)).map((eq) => (
              <Equation key={eq.label} tex={eq.tex} label={eq.label} />
            ))}
            {!record && <p className="placeholder">{t('stepForwardHint')}</p>}
          </section>
          {/* Focusable: on a phone the table scrolls sideways, and the keyboard must be able to scroll it. */}
          <table className="notes-table" data-testid="notes-table" tabIndex={0}>
            <caption>{edited ? t('notesCaptionEdited') : t('notesCaption')}</caption>
            <thead>
              <tr>
                <th scope="col">{t('columnQuantity')}</th>
                <th scope="col">{t('columnNotes')}</th>
                <th scope="col">{t('columnLive')}</th>
                <th scope="col">{t('columnAgree')}</th>
              </tr>
            </thead>
            <tbody>
              {notes.map((entry) => (
                <tr key={entry.label} className={entry.step === active ? 'current' : undefined}>
                  <th scope="row">{entry.label}</th>
                  <td data-value={entry.expected}>{entry.expected.toFixed(8)}</td>
                  <td data-testid={`live-${entry.label}`} data-value={entry.live ?? undefined} aria-label={entry.live === null ? t('notComputed') : undefined}>
                    {entry.live === null ? '—' : formatDecimals(entry.live, DIGITS)}
                  </td>
                  <td className={entry.agrees ? 'agree' : 'differ'}>{entry.live === null ? '' : entry.agrees ? '✓' : t('differs')}</td>
                </tr>
              ))}
            </tbody>
          </table>
        </div>
      </TermProvider>
    </WidgetFrame>
  );
}
