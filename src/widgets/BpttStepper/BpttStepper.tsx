/**
 * The BPTT stepper: after the forward pass, the reader steps backpropagation through time one step at a
 * time, from t = T back to h₀, and watches ∂L/∂h_t gather from the output and from step t + 1, split into
 * ∂L/∂x_t and ∂L/∂h_{t−1}, and each step add its share to the weight gradients; truncation and clipping
 * change it, and a finite difference checks one entry. It shows `createStepperRecorder` (core/figures) with a
 * loss → the recorder's backward pass (`recorder.seek()` / `snapshot()` past the forward positions), and
 * `checkGradientEntry` for the check.
 */
import { useDeferredValue, useMemo, useState } from 'react';
import { BarChartCard } from '../../components/Charts';
import { ExactNumber } from '../../components/ExactNumber';
import { Slider } from '../../components/Slider';
import { StepperBar } from '../../components/StepperBar';
import { UnrolledGraph } from '../../components/UnrolledGraph';
import { WidgetFrame } from '../../components/WidgetFrame';
import { CELL_KINDS } from '../../core/cells/types';
import { largestEntry } from '../../core/figures/finiteDifference';
import { createStepperRecorder, stepperOptions, type StepperSetup } from '../../core/figures/stepperSetup';
import type { UnrollRecorder, UnrollSnapshot } from '../../core/unroll/unroll';
import { useEngineResult } from '../../hooks/useEngineResult';
import { usePersistentState } from '../../hooks/usePersistentState';
import { useFigureUrlFields, useFollowedByUrl } from '../../hooks/useFigureUrl';
import { choice, fitSettings, integer, number, rangeOf, text } from '../../hooks/settingsSchema';
import { Equation } from '../StepperKit/Equation';
import { stepNumber } from '../StepperKit/labels';
import type { StepperProps } from '../StepperKit/stepperProps';
import { TermProvider, useTermState } from '../StepperKit/termHighlight';
import { useRecorderCursor } from '../StepperKit/useRecorderCursor';
import { activeRecord, backwardActive, DEFAULT_PARAMETER, gradientShape, normBars, passColourLimit, shownParameter } from './bpttView';
import { backwardGraph } from './backwardGraph';
import { substitutedBackward, symbolicBackward } from './backwardEquations';
import { GradientCheckPanel } from './GradientCheckPanel';
import { GradientPanel } from './GradientPanel';
import '../StepperKit/StepperKit.css';
import './BpttStepper.css';

/** BPTT starts where the forward pass ends: the reader's first step processes the last step, t = T. */
const afterForward = (recorder: UnrollRecorder) => recorder.length;

function describe(snapshot: UnrollSnapshot | null): string {
  if (!snapshot) return 'waiting for the engine';
  if (snapshot.backwardCursor === 0) return `forward pass done; BPTT starts at t = ${snapshot.length}`;
  return `BPTT at t = ${snapshot.activeStep === null ? '…' : stepNumber(snapshot.activeStep)} (${snapshot.backwardCursor} of ${snapshot.length} steps back)`;
}

/** What the reader sets (and may store); 0 on the last two means off. The props add the cell and input size. */
const SETTINGS = { hiddenSize: integer(1, 64), seqLength: integer(2, 10), seed: integer(0, 99), truncation: integer(0, 9), clipNorm: number(0, 5) };
/** The parameter whose gradient the reader picked, in the figure's link; one the layer lacks shows the default. */
const PARAMETER_SCHEMA = { parameter: text(40) };
const PROPS = { hiddenSize: SETTINGS.hiddenSize, seqLength: SETTINGS.seqLength, seed: SETTINGS.seed, kind: choice(CELL_KINDS), inputSize: integer(1, 8) };
const BASE: Required<StepperProps> = { kind: 'RNN', hiddenSize: 3, seqLength: 5, seed: 0, inputSize: 2 };

/** Chapter 4: backpropagation through time, one step at a time, with truncation, clipping and a gradient check. */
export default function BpttStepper(props: StepperProps) {
  const { kind, hiddenSize, seqLength, seed, inputSize } = fitSettings(PROPS, props, BASE);
  const defaults = useMemo(() => ({ hiddenSize, seqLength, seed, truncation: 0, clipNorm: 0 }), [hiddenSize, seqLength, seed]);
  const [stored, setSettings, resetSettings] = usePersistentState(`bptt-stepper.${kind}.${inputSize}.${hiddenSize}.${seqLength}.${seed}`, defaults, SETTINGS);
  // Truncation cuts inside the sequence: at most T − 1 steps.
  const settings = useMemo(() => ({ ...stored, truncation: Math.min(stored.truncation, stored.seqLength - 1) }), [stored]);
  const set = (patch: Partial<typeof defaults>) => setSettings({ ...settings, ...patch });
  // 0 on a slider means "off": full BPTT, no clipping.
  const setup: StepperSetup = useMemo(
    () => ({
      kind,
      inputSize,
      hiddenSize: settings.hiddenSize,
      seqLength: settings.seqLength,
      seed: settings.seed,
      withLoss: true,
      ...(settings.truncation > 0 ? { truncation: settings.truncation } : {}),
      ...(settings.clipNorm > 0 ? { clipNorm: settings.clipNorm } : {}),
    }),
    [kind, inputSize, settings],
  );
  const key = JSON.stringify(setup);
  const { engine, result, error, busy } = useEngineResult(async () => {
    const recorder = await createStepperRecorder(setup);
    recorder.seek(recorder.maxPosition);
    const complete = recorder.snapshot();
    return { key, recorder, complete };
  }, [key]);
  const fresh = result?.key === key ? result : null;
  const { snapshot, bar, onKeyDown } = useRecorderCursor(fresh?.recorder ?? null, describe, afterForward);
  const paramInUrl = useFigureUrlFields<{ parameter: string }>(PARAMETER_SCHEMA);
  const [param, setParam] = useState(paramInUrl.fromUrl.parameter ?? DEFAULT_PARAMETER);
  useFollowedByUrl(paramInUrl, useMemo(() => ({ parameter: param }), [param]), true, param === DEFAULT_PARAMETER);
  const highlight = useTermState();

  const active = backwardActive(snapshot);
  const graph = useMemo(
    () => backwardGraph({ kind, hiddenSize: setup.hiddenSize, inputSize, seqLength: setup.seqLength, truncation: setup.truncation, snapshot, active }),
    [kind, setup, inputSize, snapshot, active],
  );
  const limit = useMemo(() => passColourLimit(fresh?.complete ?? null), [fresh]);
  // The picture updates at once; equations, chart and matrices follow without holding up a step.
  const later = useDeferredValue(snapshot);
  const laterActive = backwardActive(later);
  const record = activeRecord(later);
  const names = fresh ? Object.keys(fresh.complete.gradients) : [];
  const shown = shownParameter(names, param);
  const finalGradient = fresh?.complete.gradients[shown];
  const clipping = snapshot?.clipping ?? null;

  return (
    <WidgetFrame title={`Backpropagation through time (${kind})`} engine={engine} busy={busy} error={error} controls={<button type="button" onClick={resetSettings}>Reset settings</button>}>
      <TermProvider value={highlight}>
        <div className="stepper-widget" onKeyDown={onKeyDown}>
          <div className="control-grid">
            <Slider label="sequence length" value={settings.seqLength} {...rangeOf(SETTINGS.seqLength)} onChange={(v) => set({ seqLength: v })} />
            <Slider label="hidden size" value={settings.hiddenSize} {...rangeOf(SETTINGS.hiddenSize)} onChange={(v) => set({ hiddenSize: v })} />
            <Slider label="seed" value={settings.seed} {...rangeOf(SETTINGS.seed)} onChange={(v) => set({ seed: v })} />
            <Slider label="truncate every τ steps" value={settings.truncation} min={0} max={settings.seqLength - 1} format={(v) => (v === 0 ? 'off' : String(v))} onChange={(v) => set({ truncation: v })} />
            <Slider label="clipping threshold θ" value={settings.clipNorm} {...rangeOf(SETTINGS.clipNorm)} step={0.1} format={(v) => (v === 0 ? 'off' : v.toFixed(1))} onChange={(v) => set({ clipNorm: v })} />
          </div>
          <StepperBar {...bar} />
          <UnrolledGraph
            title={`BPTT through the ${kind} over ${setup.seqLength} steps, hidden size ${setup.hiddenSize}`}
            cellLabel={kind}
            columns={graph.columns}
            initial={graph.initial}
            activeStep={active}
            direction="backward"
            limit={limit}
            featured={active !== null ? `dh-${active}` : undefined}
            highlight={highlight.term}
            onHighlight={highlight.show}
          />
          <p className="widget-readout" data-testid="bptt-summary">
            Loss L = Σ<sub>t</sub> cross-entropy = <strong>{snapshot?.loss != null ? <ExactNumber value={snapshot.loss} /> : '…'}</strong>; ‖∂L/∂θ‖ so far ={' '}
            <strong>{snapshot ? <ExactNumber value={snapshot.globalGradNorm} /> : '…'}</strong>.{' '}
            {clipping
              ? clipping.scale < 1
                ? <>Above θ = {clipping.threshold}: clipping multiplies every gradient by <strong><ExactNumber value={clipping.scale} /></strong>.</>
                : <>Below θ = {clipping.threshold}: clipping leaves the gradient alone.</>
              : settings.clipNorm > 0 && 'Clipping applies once BPTT is complete.'}
          </p>
          <section className="stepper-equations" tabIndex={0} aria-label={record ? `Equations of BPTT step ${stepNumber(record.t)}` : 'BPTT equations'} data-testid="bptt-equations">
            {(record ? substitutedBackward(kind, record, setup.seqLength) : symbolicBackward(kind)).map((eq) => (
              <Equation key={eq.label} tex={eq.tex} label={eq.label} />
            ))}
          </section>
          <div className="bptt-panels">
            <BarChartCard title="‖∂L/∂h_t‖ per time step" xLabel="t" yLabel="norm" bars={normBars(later?.gradNorms ?? [])} highlight={laterActive === null ? undefined : stepNumber(laterActive)} />
            <GradientPanel
              kind={kind}
              hiddenSize={setup.hiddenSize}
              names={names}
              param={shown}
              onParam={setParam}
              contribution={record ? record.contributions[shown] : null}
              accumulated={later?.gradients[shown] ?? []}
              step={laterActive}
            />
          </div>
          {fresh && finalGradient && (
            <GradientCheckPanel
              key={`${key}/${shown}`}
              options={stepperOptions(setup)}
              param={shown}
              shape={gradientShape(finalGradient)}
              defaultIndex={largestEntry(finalGradient)}
              ready={engine.status === 'ready'}
            />
          )}
        </div>
      </TermProvider>
    </WidgetFrame>
  );
}
