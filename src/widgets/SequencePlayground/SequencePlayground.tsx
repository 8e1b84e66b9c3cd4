import { useCallback, useEffect, useMemo } from 'react';
import type { Series } from '../../components/chartSeries';
import { LiveLineChart } from '../../components/LiveLineChart';
import { formatNumber } from '../../components/format';
import { WidgetFrame } from '../../components/WidgetFrame';
import { CELL_CHOICES, TASKS, type CellChoice } from '../../core/tasks';
import { announceWorkerBackend, backendLabel, type EngineState } from '../../hooks/useEngine';
import { fitSettings } from '../../hooks/settingsSchema';
import { usePersistentState } from '../../hooks/usePersistentState';
import { useThrottled } from '../../hooks/useThrottled';
import { useReaderText } from '../../i18n/readerText';
import { useT } from '../../i18n/useT';
import { applyPreset, CUSTOM, PLAYGROUND_DEFAULTS, PLAYGROUND_SCHEMA, sweepPlanOf, taskSettingsOf, type PlaygroundSettings } from '../../workers/sequenceSettings';
import { ExampleStrip } from './ExampleStrip';
import { CELL_COLORS, MemoryCurve } from './MemoryCurve';
import { PlaygroundControls } from './PlaygroundControls';
import './SequencePlayground.css';
import { StateHeatmaps } from './StateHeatmaps';
import { accuracyText } from './sweepReadingText';
import { useSequenceWorker } from './useSequenceWorker';

/** Four redraws a second are live enough for a curve (the rest of the figure redraws once per frame at most). */
const CHART_INTERVAL_MS = 250;

/**
 * The sequence playground: train a small recurrent network on a task that needs memory (echo, parity,
 * the adding problem, parentheses), watch its answers and states on one example as it learns, and sweep
 * the span to draw each cell's memory curve. Props (from a chapter, or the figure page's URL) are starting
 * settings, `preset` among them.
 */
export default function SequencePlayground(props: Partial<Record<keyof PlaygroundSettings, unknown>>) {
  const t = useT('sequencePlayground');
  const say = useReaderText();
  const cellName = useCallback((cell: CellChoice) => say(CELL_CHOICES[cell].label), [say]);
  const lab = useSequenceWorker();
  const engine: EngineState = lab.backend ? { status: 'ready', backend: lab.backend } : { status: 'loading' };
  useEffect(() => {
    if (lab.backend) announceWorkerBackend(lab.backend);
  }, [lab.backend]);
  const defaults = useMemo(() => {
    const fitted = fitSettings(PLAYGROUND_SCHEMA, props, PLAYGROUND_DEFAULTS);
    return fitted.preset === CUSTOM ? fitted : applyPreset(fitted, fitted.preset);
    // The props' identity changes every render; their values do not.
    // eslint-disable-next-line react-hooks/exhaustive-deps
  }, [JSON.stringify(props)]);
  const [settings, setSettings, resetSettings] = usePersistentState('sequence-playground', defaults, PLAYGROUND_SCHEMA);
  const change = useCallback((patch: Partial<PlaygroundSettings>) => {
    // Sweep settings apply to a preset's sweep too; anything else makes the settings the reader's own.
    const keepsPreset = Object.keys(patch).every((key) => key === 'sweepSeeds');
    setSettings({ ...settings, ...patch, ...(keepsPreset ? {} : { preset: CUSTOM }) });
  }, [settings, setSettings]);
  const choosePreset = useCallback((name: string) => setSettings(applyPreset(settings, name)), [settings, setSettings]);
  const { startSweep } = lab;
  const sweepNow = useCallback(() => startSweep(settings), [startSweep, settings]);

  const task = TASKS[settings.task];
  const taskSettings = taskSettingsOf(settings);
  const chance = task.chanceAccuracy(taskSettings);
  const plan = useMemo(() => sweepPlanOf(settings), [settings]);
  const training = lab.status === 'running' || lab.status === 'paused';
  const sweeping = lab.sweep.status === 'running';
  const ready = !!lab.backend;
  const latest = lab.steps.at(-1);
  const accuracy = lab.scored.at(-1)?.accuracy;
  const color = CELL_COLORS[settings.cell];
  const label = cellName(settings.cell);
  const chanceShown = accuracyText(chance);

  // The accuracy chart redraws only when a new held-out score arrives.
  const lossPoints = useThrottled(lab.steps, CHART_INTERVAL_MS);
  const accuracyPoints = useThrottled(lab.scored, CHART_INTERVAL_MS);
  const lossSeries = useMemo<Series[]>(() => [{ name: t('lossSeries', { cell: label }), color, points: lossPoints.map((s) => ({ x: s.step, y: s.loss })) }], [lossPoints, label, color, t]);
  const accuracySeries = useMemo<Series[]>(() => {
    const points = accuracyPoints.map((s) => ({ x: s.step, y: s.accuracy! }));
    const end = Math.max(settings.steps, points.at(-1)?.x ?? 0);
    return [{ name: t('accuracySeries', { cell: label }), color, points }, { name: t('chanceSeries', { chance: chanceShown }), reference: true, points: [{ x: 0, y: chance }, { x: end, y: chance }] }];
  }, [accuracyPoints, label, color, chance, chanceShown, settings.steps, t]);

  const problem = lab.error ?? (lab.status === 'diverged' ? lab.outcome?.message : null);
  const error = problem ? say(problem) : null;

  const controls = (
    <>
      <button type="button" disabled={!ready || sweeping} onClick={() => (lab.status === 'running' ? lab.pause() : lab.status === 'paused' ? lab.resume() : lab.train(settings))}>
        {lab.status === 'running' ? t('pause') : lab.status === 'paused' ? t('resume') : lab.steps.length ? t('trainAgain') : t('train')}
      </button>
      <button type="button" disabled={!ready || sweeping || lab.status === 'running'} onClick={() => lab.step(settings, lab.status === 'paused')}>{t('step')}</button>
      <button type="button" disabled={!training} onClick={lab.stop}>{t('stop')}</button>
      <button type="button" onClick={lab.reset}>{t('resetTraining')}</button>
      <button type="button" onClick={() => { lab.reset(); resetSettings(); }}>{t('resetSettings')}</button>
    </>
  );

  return (
    <WidgetFrame title={t('title')} engine={engine} error={error} controls={controls}>
      <p className="playground-backend" data-testid="playground-backend" data-backend={lab.backend?.name ?? ''}>
        {lab.backend ? t('backendReady', { backend: backendLabel(lab.backend, say) }) : t('backendStarting')}
      </p>
      <PlaygroundControls settings={settings} onChange={change} onPreset={choosePreset} disabled={training || sweeping} />
      <div className="playground-progress" data-testid="playground-progress" data-status={lab.status} data-steps={latest?.step ?? 0} data-accuracy={accuracy ?? ''}>
        <progress max={1} value={latest?.progress ?? 0} aria-label={t('trainingProgress')} />
        <span>
          {latest
            ? t('progressStep', { cell: label, step: latest.step, steps: settings.steps, loss: formatNumber(latest.loss, 3) }) +
              (accuracy === undefined ? '' : t('progressAccuracy', { accuracy: accuracyText(accuracy), chance: chanceShown }))
            : lab.status === 'idle' ? t('notTrained') : t('starting')}
          {lab.outcome && !training ? t('outcome', { message: say(lab.outcome.message) }) : ''}
        </span>
      </div>
      <div className="playground-charts">
        <LiveLineChart title={t('lossTitle')} xLabel={t('stepAxis')} yLabel={t('lossAxis')} series={lossSeries} height={180} />
        <LiveLineChart title={t('accuracyTitle')} xLabel={t('stepAxis')} yLabel={t('accuracyAxis')} yRange={[0, 1]} series={accuracySeries} height={180} />
      </div>
      {lab.example ? (
        <>
          <ExampleStrip example={lab.example} />
          <StateHeatmaps example={lab.example} unboundedState={settings.cell === 'relu'} />
        </>
      ) : (
        <p className="playground-placeholder">{t('examplePlaceholder')}</p>
      )}
      <h5 className="playground-heading">{t('memoryCurve')}</h5>
      <MemoryCurve sweep={lab.sweep} plan={plan} settings={settings} span={task.span} chance={chance} cellName={cellName} onChange={change} onSweep={sweepNow} onStop={lab.stop} busy={!ready || training || sweeping} />
    </WidgetFrame>
  );
}
