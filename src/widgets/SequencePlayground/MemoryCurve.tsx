import { memo, useMemo } from 'react';
import { SERIES_COLORS, type Series } from '../../components/chartSeries';
import { LiveLineChart } from '../../components/LiveLineChart';
import { Slider } from '../../components/Slider';
import { CELL_CHOICES, readSweep, sweepCurves, type CellChoice, type SpanSetting } from '../../core/tasks';
import { rangeOf } from '../../hooks/settingsSchema';
import { PLAYGROUND_SCHEMA as SCHEMA, type PlaygroundSettings, type SweepPlan } from '../../workers/sequenceSettings';
import type { SweepState } from './useSequenceWorker';

/** Each cell keeps its colour in every chart of the figure. */
export const CELL_COLORS: Readonly<Record<CellChoice, string>> = { rnn: SERIES_COLORS[0], lstm: SERIES_COLORS[1], gru: SERIES_COLORS[2], relu: SERIES_COLORS[3] };

/** "a, b and c" */
const listed = (items: string[]) => (items.length < 2 ? items.join('') : `${items.slice(0, -1).join(', ')} and ${items.at(-1)}`);

interface Props {
  sweep: SweepState;
  /** the sweep the Sweep button would start now */
  plan: SweepPlan;
  settings: PlaygroundSettings;
  span: SpanSetting;
  chance: number;
  onChange: (patch: Partial<PlaygroundSettings>) => void;
  onSweep: () => void;
  onStop: () => void;
  /** training or sweeping: the sweep's settings are fixed */
  busy: boolean;
}

/** The memory curve: accuracy against span for each cell after the same budget, and what it shows. */
export const MemoryCurve = memo(function MemoryCurve({ sweep, plan, settings, span, chance, onChange, onSweep, onStop, busy }: Props) {
  const running = sweep.status === 'running';
  const curves = useMemo(() => sweepCurves(sweep.runs, sweep.cells), [sweep.runs, sweep.cells]);
  const series = useMemo<Series[]>(() => {
    const spans = sweep.spans.length ? sweep.spans : plan.spans;
    const measured = curves.map((c) => ({ name: CELL_CHOICES[c.cell].label, color: CELL_COLORS[c.cell], points: c.points.map((p) => ({ x: p.span, y: p.accuracy })) }));
    const reference = { name: `chance (${chance.toFixed(2)})`, reference: true, points: [{ x: Math.min(...spans), y: chance }, { x: Math.max(...spans), y: chance }] };
    return [...measured, reference];
  }, [curves, chance, sweep.spans, plan.spans]);
  const reading = useMemo(() => readSweep(sweep.runs, sweep.cells, span, chance), [sweep.runs, sweep.cells, span, chance]);
  const last = sweep.runs.at(-1);
  const runs = plan.spans.length * plan.cells.length * plan.seeds.length;
  return (
    <section className="memory-curve" aria-label="The memory curve">
      <p>
        Sweep trains a fresh {listed(plan.cells.map((c) => CELL_CHOICES[c].label))} for {plan.training.steps} steps each at {span}{' '}
        {plan.spans.join(', ')} ({runs} runs), and plots held-out accuracy against the {span}.
      </p>
      <div className="control-grid">
        <Slider label="Seeds per point" value={settings.sweepSeeds} {...rangeOf(SCHEMA.sweepSeeds)} onChange={(sweepSeeds) => onChange({ sweepSeeds })} disabled={busy} />
        {settings.preset === 'custom' && (
          <Slider label={`Points up to the ${span}`} value={settings.sweepPoints} {...rangeOf(SCHEMA.sweepPoints)} onChange={(sweepPoints) => onChange({ sweepPoints })} disabled={busy} />
        )}
      </div>
      <p className="memory-actions">
        <button type="button" onClick={onSweep} disabled={busy}>Sweep</button>{' '}
        <button type="button" onClick={onStop} disabled={!running}>Stop sweep</button>
      </p>
      <div className="playground-progress" data-testid="sweep-progress" data-status={sweep.status} data-done={sweep.runs.length} data-total={sweep.total}>
        <progress max={Math.max(1, sweep.total)} value={sweep.runs.length} aria-label="Sweep progress" />
        <span>
          {sweep.status === 'idle'
            ? 'No sweep yet.'
            : `${sweep.runs.length} of ${sweep.total || runs} runs${last ? ` (last: ${CELL_CHOICES[last.cell].label} at ${span} ${last.span}, accuracy ${last.accuracy.toFixed(2)})` : ''}${
                sweep.status === 'stopped' ? ', stopped' : sweep.status === 'running' ? ', training…' : ''
              }`}
        </span>
      </div>
      <div data-testid="memory-chart" data-curves={curves.map((c) => c.cell).join(' ')}>
        <LiveLineChart title={`Held-out accuracy against ${span}, after ${plan.training.steps} steps`} xLabel={span} yLabel="accuracy" yRange={[0, 1]} series={series} markers />
      </div>
      <p className="sweep-reading" data-testid="sweep-reading" aria-live="polite">
        {reading || (sweep.status === 'idle' ? 'Run a sweep: the reading of your curves appears here.' : 'The reading appears once every cell has finished a span.')}
      </p>
    </section>
  );
});
