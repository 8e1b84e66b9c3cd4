/**
 * The BPTT stepper: after the forward pass, the reader steps backpropagation through time one step at a
 * time, from t = T back to h₀, and watches ∂L/∂h_t gather from the output and from step t + 1, split into
 * ∂L/∂x_t and ∂L/∂h_{t−1}, and each step add its share to the weight gradients; truncation and clipping
 * change it, and a finite difference checks one entry. It shows `createStepperRecorder` (core/figures) with a
 * loss → the recorder's backward pass (`recorder.seek()` / `snapshot()` past the forward positions), and
 * `checkGradientEntry` for the check.
 */
import type { TFunction } from 'i18next';
import { useDeferredValue, useMemo, useState } from 'react';
import { Trans } from 'react-i18next';
import { BarChartCard } from '../../components/Charts';
import { ExactNumber } from '../../components/ExactNumber';
import { Slider } from '../../components/Slider';
import { StepperBar } from '../../components/StepperBar';
import { UnrolledGraph } from '../../components/UnrolledGraph';
import { WidgetFrame } from '../../components/WidgetFrame';
import { CELL_KINDS } from '../../core/cells/types';
import { largestEntry } from '../../core/figures/finiteDifference';
import { createStepperRecorder, stepperOptions, type StepperSetup } from '../../core/figures/stepperSetup';
import type { ClippingReport, UnrollRecorder, UnrollSnapshot } from '../../core/unroll/unroll';
import { useEngineResult } from '../../hooks/useEngineResult';
import { usePersistentState } from '../../hooks/usePersistentState';
import { useFigureUrlFields, useFollowedByUrl } from '../../hooks/useFigureUrl';
import { choice, fitSettings, integer, number, rangeOf, text } from '../../hooks/settingsSchema';
import { useT } from '../../i18n/useT';
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

/** The stepper bar's position in words: waiting, at the end of the forward pass, or how far back BPTT has come. */
function describe(t: TFunction<'bpttStepper'>, snapshot: UnrollSnapshot | null): string {
  if (!snapshot) return t('waiting');
  if (snapshot.backwardCursor === 0) return t('forwardDone', { step: snapshot.length });
  const step = snapshot.activeStep === null ? '…' : stepNumber(snapshot.activeStep);
  return t('stepsBack', { step, back: snapshot.backwardCursor, length: snapshot.length });
}

/** A readout's number in bold, or … until it is known (a component, so the catalogue's sentence can place it). */
function StrongNumber({ value }: { value: number | null | undefined }) {
  return <strong>{value == null ? '…' : <ExactNumber value={value} />}</strong>;
}

/** What clipping does to the gradient so far, once the stepper has a snapshot; nothing while it is off. */
function ClippingNote({ clipping, clipNorm }: { clipping: ClippingReport | null; clipNorm: number }) {
  const t = useT('bpttStepper');
  if (!clipping) return clipNorm > 0 ? t('clipPending') : null;
  return clipping.scale < 1 ? (
    <Trans t={t} i18nKey="clipAbove" values={{ threshold: clipping.threshold }} components={{ scale: <StrongNumber value={clipping.scale} /> }} />
  ) : (
    t('clipBelow', { threshold: clipping.threshold })
  );
}

/** What the reader sets (and may store); 0 on the last two means off. The props add the cell and input size. */
const SETTINGS = { hiddenSize: integer(1, 64), seqLength: integer(2, 10), seed: integer(0, 99), truncation: integer(0, 9), clipNorm: number(0, 5) };
/** The parameter whose gradient the reader picked, in the figure's link; one the layer lacks shows the default. */
const PARAMETER_SCHEMA = { parameter: text(40) };
const PROPS = { hiddenSize: SETTINGS.hiddenSize, seqLength: SETTINGS.seqLength, seed: SETTINGS.seed, kind: choice(CELL_KINDS), inputSize: integer(1, 8) };
const BASE: Required<StepperProps> = { kind: 'RNN', hiddenSize: 3, seqLength: 5, seed: 0, inputSize: 2 };

/** Chapter 4: backpropagation through time, one step at a time, with truncation, clipping and a gradient check. */
export default function BpttStepper(props: StepperProps) {
  const t = useT('bpttStepper');
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
  const { snapshot, bar, onKeyDown } = useRecorderCursor(fresh?.recorder ?? null, (at) => describe(t, at), afterForward);
  const paramInUrl = useFigureUrlFields<{ parameter: string }>(PARAMETER_SCHEMA);
  const [param, setParam] = useState(paramInUrl.fromUrl.parameter ?? DEFAULT_PARAMETER);
  useFollowedByUrl(paramInUrl, useMemo(() => ({ parameter: param }), [param]), true, param === DEFAULT_PARAMETER);
  const highlight = useTermState();

  const active = backwardActive(snapshot);
  const graph = useMemo(
    () => backwardGraph(t, { kind, hiddenSize: setup.hiddenSize, inputSize, seqLength: setup.seqLength, truncation: setup.truncation, snapshot, active }),
    [t, kind, setup, inputSize, snapshot, active],
  );
  const limit = useMemo(() => passColourLimit(fresh?.complete ?? null), [fresh]);
  // The picture updates at once; equations, chart and matrices follow without holding up a step.
  const later = useDeferredValue(snapshot);
  const laterActive = backwardActive(later);
  const record = activeRecord(later);
  const names = fresh ? Object.keys(fresh.complete.gradients) : [];
  const shown = shownParameter(names, param);
  const finalGradient = fresh?.complete.gradients[shown];

  return (
    <WidgetFrame title={t('title', { kind })} engine={engine} busy={busy} error={error} controls={<button type="button" onClick={resetSettings}>{t('resetSettings')}</button>}>
      <TermProvider value={highlight}>
        <div className="stepper-widget" onKeyDown={onKeyDown}>
          <div className="control-grid">
            <Slider label={t('sequenceLength')} value={settings.seqLength} {...rangeOf(SETTINGS.seqLength)} onChange={(v) => set({ seqLength: v })} />
            <Slider label={t('hiddenSize')} value={settings.hiddenSize} {...rangeOf(SETTINGS.hiddenSize)} onChange={(v) => set({ hiddenSize: v })} />
            <Slider label={t('seed')} value={settings.seed} {...rangeOf(SETTINGS.seed)} onChange={(v) => set({ seed: v })} />
            <Slider label={t('truncateEvery')} value={settings.truncation} min={0} max={settings.seqLength - 1} format={(v) => (v === 0 ? t('off') : String(v))} onChange={(v) => set({ truncation: v })} />
            <Slider label={t('clippingThreshold')} value={settings.clipNorm} {...rangeOf(SETTINGS.clipNorm)} step={0.1} format={(v) => (v === 0 ? t('off') : v.toFixed(1))} onChange={(v) => set({ clipNorm: v })} />
          </div>
          <StepperBar {...bar} />
          <UnrolledGraph
            title={t('graphTitle', { kind, length: setup.seqLength, hiddenSize: setup.hiddenSize })}
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
            <Trans
              t={t}
              i18nKey="lossReadout"
              components={{
                sub: <sub />,
                loss: <StrongNumber value={snapshot?.loss} />,
                norm: <StrongNumber value={snapshot?.globalGradNorm} />,
                clipping: <ClippingNote clipping={snapshot?.clipping ?? null} clipNorm={settings.clipNorm} />,
              }}
            />
          </p>
          <section className="stepper-equations" tabIndex={0} aria-label={record ? t('equationsOfStep', { step: stepNumber(record.t) }) : t('equations')} data-testid="bptt-equations">
            {(record ? substitutedBackward(t, kind, record, setup.seqLength) : symbolicBackward(t, kind)).map((eq) => (
              <Equation key={eq.label} tex={eq.tex} label={eq.label} />
            ))}
          </section>
          <div className="bptt-panels">
            <BarChartCard title={t('normChart')} xLabel="t" yLabel={t('norm')} bars={normBars(later?.gradNorms ?? [])} highlight={laterActive === null ? undefined : stepNumber(laterActive)} />
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
