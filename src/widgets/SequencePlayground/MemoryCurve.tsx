import { memo, useMemo } from 'react';
import { SERIES_COLORS, type Series } from '../../components/chartSeries';
import { LiveLineChart } from '../../components/LiveLineChart';
import { Slider } from '../../components/Slider';
import { readSweep, sweepCurves, type CellChoice, type SpanSetting } from '../../core/tasks';
import { rangeOf } from '../../hooks/settingsSchema';
import { useT } from '../../i18n/useT';
import { PLAYGROUND_SCHEMA as SCHEMA, type PlaygroundSettings, type SweepPlan } from '../../workers/sequenceSettings';
import { accuracyText, listed, sweepReadingText } from './sweepReadingText';
import type { SweepState } from './useSequenceWorker';

/** Each cell keeps its colour in every chart of the figure. */
export const CELL_COLORS: Readonly<Record<CellChoice, string>> = { rnn: SERIES_COLORS[0], lstm: SERIES_COLORS[1], gru: SERIES_COLORS[2], relu: SERIES_COLORS[3] };

interface Props {
  sweep: SweepState;
  /** the sweep the Sweep button would start now */
  plan: SweepPlan;
  settings: PlaygroundSettings;
  span: SpanSetting;
  chance: number;
  /** a cell's name in the page's language */
  cellName: (cell: CellChoice) => string;
  onChange: (patch: Partial<PlaygroundSettings>) => void;
  onSweep: () => void;
  onStop: () => void;
  /** training or sweeping: the sweep's settings are fixed */
  busy: boolean;
}

/** The memory curve: accuracy against span for each cell after the same budget, and what it shows. */
export const MemoryCurve = memo(function MemoryCurve({ sweep, plan, settings, span, chance, cellName, onChange, onSweep, onStop, busy }: Props) {
  const t = useT('sequencePlayground');
  const spanName = t(`span_${span}`);
  const running = sweep.status === 'running';
  const curves = useMemo(() => sweepCurves(sweep.runs, sweep.cells), [sweep.runs, sweep.cells]);
  const series = useMemo<Series[]>(() => {
    const spans = sweep.spans.length ? sweep.spans : plan.spans;
    const measured = curves.map((c) => ({ name: cellName(c.cell), color: CELL_COLORS[c.cell], points: c.points.map((p) => ({ x: p.span, y: p.accuracy })) }));
    const reference = { name: t('chanceSeries', { chance: accuracyText(chance) }), reference: true, points: [{ x: Math.min(...spans), y: chance }, { x: Math.max(...spans), y: chance }] };
    return [...measured, reference];
  }, [curves, chance, sweep.spans, plan.spans, cellName, t]);
  const reading = useMemo(() => sweepReadingText(readSweep(sweep.runs, sweep.cells, chance), span, t, cellName), [sweep.runs, sweep.cells, span, chance, t, cellName]);
  const last = sweep.runs.at(-1);
  const runs = plan.spans.length * plan.cells.length * plan.seeds.length;
  const status = sweep.status === 'stopped' ? t('sweepStopped') : sweep.status === 'running' ? t('sweepTraining') : '';
  return (
    <section className="memory-curve" aria-label={t('memoryCurve')}>
      <p>
        {t('sweepPlan', {
          cells: listed(plan.cells.map(cellName), t),
          steps: plan.training.steps,
          span: spanName,
          spans: plan.spans.join(t('listComma')),
          runs,
        })}
      </p>
      <div className="control-grid">
        <Slider label={t('seedsPerPoint')} value={settings.sweepSeeds} {...rangeOf(SCHEMA.sweepSeeds)} onChange={(sweepSeeds) => onChange({ sweepSeeds })} disabled={busy} />
        {settings.preset === 'custom' && (
          <Slider label={t('pointsUpTo', { span: spanName })} value={settings.sweepPoints} {...rangeOf(SCHEMA.sweepPoints)} onChange={(sweepPoints) => onChange({ sweepPoints })} disabled={busy} />
        )}
      </div>
      <p className="memory-actions">
        <button type="button" onClick={onSweep} disabled={busy}>{t('sweep')}</button>{' '}
        <button type="button" onClick={onStop} disabled={!running}>{t('stopSweep')}</button>
      </p>
      <div className="playground-progress" data-testid="sweep-progress" data-status={sweep.status} data-done={sweep.runs.length} data-total={sweep.total}>
        <progress max={Math.max(1, sweep.total)} value={sweep.runs.length} aria-label={t('sweepProgress')} />
        <span>
          {sweep.status === 'idle'
            ? t('noSweep')
            : t('sweepRuns', { done: sweep.runs.length, total: sweep.total || runs }) +
              (last ? t('sweepLast', { cell: cellName(last.cell), span: spanName, value: last.span, accuracy: accuracyText(last.accuracy) }) : '') +
              status}
        </span>
      </div>
      <div data-testid="memory-chart" data-curves={curves.map((c) => c.cell).join(' ')}>
        <LiveLineChart title={t('memoryTitle', { span: spanName, steps: plan.training.steps })} xLabel={spanName} yLabel={t('accuracyAxis')} yRange={[0, 1]} series={series} markers />
      </div>
      <p className="sweep-reading" data-testid="sweep-reading" aria-live="polite">
        {reading || (sweep.status === 'idle' ? t('readingIdle') : t('readingPending'))}
      </p>
    </section>
  );
});
