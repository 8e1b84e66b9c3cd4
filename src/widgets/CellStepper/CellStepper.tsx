/**
 * The cell stepper: the reader steps one sequence through an RNN, LSTM or GRU cell, a time step at a time,
 * watching x_t and h_{t−1} flow into the cell, its gates, and h_t leave, with the equations' numbers beside
 * the picture; pointing at a term of an equation lights its wire and the other way round. It shows
 * `createStepperRecorder` (core/figures) → the recorder's forward pass, read through `recorder.seek()` /
 * `snapshot()` one position at a time.
 */
import type { TFunction } from 'i18next';
import { useDeferredValue, useMemo } from 'react';
import { DIVERGING_GRADIENT, GATE_SCALE } from '../../components/colorScale';
import { Slider } from '../../components/Slider';
import { StepperBar } from '../../components/StepperBar';
import { UnrolledGraph } from '../../components/UnrolledGraph';
import { WidgetFrame } from '../../components/WidgetFrame';
import { CELL_KINDS } from '../../core/cells/types';
import { createStepperRecorder, stepperData, stepperInitialState } from '../../core/figures/stepperSetup';
import type { UnrollSnapshot } from '../../core/unroll/unroll';
import { useEngineResult } from '../../hooks/useEngineResult';
import { usePersistentState } from '../../hooks/usePersistentState';
import { choice, fitSettings, integer, rangeOf } from '../../hooks/settingsSchema';
import { useT } from '../../i18n/useT';
import { Equation } from '../StepperKit/Equation';
import { stepNumber } from '../StepperKit/labels';
import { forwardGraph } from './forwardGraph';
import { substitutedEquations, symbolicEquations } from './forwardEquations';
import type { StepperProps } from '../StepperKit/stepperProps';
import { TermProvider, useTermState } from '../StepperKit/termHighlight';
import { useRecorderCursor } from '../StepperKit/useRecorderCursor';
import '../StepperKit/StepperKit.css';

/** What the reader sets with the sliders (and may store); the props add the cell and the input size. */
const SETTINGS = { hiddenSize: integer(1, 64), seqLength: integer(1, 10), seed: integer(0, 99) };
const PROPS = { ...SETTINGS, kind: choice(CELL_KINDS), inputSize: integer(1, 8) };
const BASE: Required<StepperProps> = { kind: 'RNN', hiddenSize: 3, seqLength: 4, seed: 0, inputSize: 2 };

/** The stepper bar's words for where the reader is. */
function describe(t: TFunction<'cellStepper'>, snapshot: UnrollSnapshot | null): string {
  if (!snapshot) return t('waiting');
  if (snapshot.activeStep === null) return t('beforeFirstStep', { length: snapshot.length });
  return t('stepComputed', { step: stepNumber(snapshot.activeStep), position: snapshot.forwardCursor, length: snapshot.length });
}

/** Chapters 2, 6 and 7. */
export default function CellStepper(props: StepperProps) {
  const t = useT('cellStepper');
  const { kind, hiddenSize, seqLength, seed, inputSize } = fitSettings(PROPS, props, BASE);
  const defaults = useMemo(() => ({ hiddenSize, seqLength, seed }), [hiddenSize, seqLength, seed]);
  const [settings, setSettings, resetSettings] = usePersistentState(`cell-stepper.${kind}.${inputSize}.${hiddenSize}.${seqLength}.${seed}`, defaults, SETTINGS);
  const setup = useMemo(() => ({ kind, inputSize, ...settings }), [kind, inputSize, settings]);
  const key = JSON.stringify(setup);
  const { engine, result, error, busy } = useEngineResult(async () => ({ key, recorder: await createStepperRecorder(setup) }), [key]);
  // Until the recorder for new settings arrives, draw the new layout with placeholders, not the old numbers.
  const recorder = result?.key === key ? result.recorder : null;
  const { snapshot, bar, onKeyDown } = useRecorderCursor(recorder, (at) => describe(t, at));

  // The given data (inputs, initial state) is drawn at once; computed values fill in as the reader steps.
  const inputs = useMemo(() => stepperData(setup).inputs, [setup]);
  const { h0, c0 } = useMemo(() => stepperInitialState(setup), [setup]);
  const current = snapshot;
  const active = current?.activeStep ?? null;
  const graph = useMemo(
    () => forwardGraph(t, { kind, hiddenSize: setup.hiddenSize, inputs, h0, c0, forward: current?.forward ?? [], active }),
    [t, kind, setup.hiddenSize, inputs, h0, c0, current?.forward, active],
  );
  const highlight = useTermState();
  // The picture updates at once; the typeset equations follow a moment later without holding up a step.
  const record = useDeferredValue(active !== null ? current?.forward[active] : undefined);
  const equations = useMemo(() => (record ? substitutedEquations(t, kind, record) : symbolicEquations(t, kind)), [t, kind, record]);

  return (
    <WidgetFrame
      title={t('title', { kind })}
      engine={engine}
      busy={busy}
      error={error}
      controls={<button type="button" onClick={resetSettings}>{t('resetSettings')}</button>}
    >
      <TermProvider value={highlight}>
        <div className="stepper-widget" onKeyDown={onKeyDown}>
          <div className="control-grid">
            <Slider label={t('hiddenSize')} value={settings.hiddenSize} {...rangeOf(SETTINGS.hiddenSize)} onChange={(v) => setSettings({ ...settings, hiddenSize: v })} />
            <Slider label={t('sequenceLength')} value={settings.seqLength} {...rangeOf(SETTINGS.seqLength)} onChange={(v) => setSettings({ ...settings, seqLength: v })} />
            <Slider label={t('seed')} value={settings.seed} {...rangeOf(SETTINGS.seed)} onChange={(v) => setSettings({ ...settings, seed: v })} />
          </div>
          <StepperBar {...bar} />
          <UnrolledGraph
            title={t('graphTitle', { kind, length: setup.seqLength, inputSize, hiddenSize: setup.hiddenSize })}
            cellLabel={kind}
            columns={graph.columns}
            initial={graph.initial}
            activeStep={active}
            direction="forward"
            limit={1}
            featured={active !== null ? `h-${active}` : 'h-init'}
            highlight={highlight.term}
            onHighlight={highlight.show}
          />
          <p className="stepper-legend">
            <span>{t('legendValues')}</span>
            <span className="stepper-gradient" style={{ background: DIVERGING_GRADIENT }} aria-hidden="true" />
            <span>+1</span>
            {kind !== 'RNN' && (
              <>
                <span>{t('legendGates')}</span>
                <span className="stepper-gradient" style={{ background: GATE_SCALE.gradient }} aria-hidden="true" />
                <span>1</span>
              </>
            )}
            <span>{t(`inside${kind}`)}</span>
          </p>
          <section className="stepper-equations" tabIndex={0} aria-label={record ? t('equationsOfStep', { step: stepNumber(record.t) }) : t('cellEquations')} data-testid="cell-equations">
            {equations.map((eq) => (
              <Equation key={eq.label} tex={eq.tex} label={eq.label} />
            ))}
            {!record && <p className="placeholder">{t('stepForwardHint')}</p>}
          </section>
        </div>
      </TermProvider>
    </WidgetFrame>
  );
}
