/**
 * CellComparison: the reader picks an input pattern, hidden_size, T and a seed; nn.RNN, nn.LSTM and
 * nn.GRU get the same input, and the figure shows their parameter counts, their hidden states on one
 * colour scale and ‖hₜ‖ over time — `compareCells` in src/core/figures/cellComparison.ts.
 */
import { useMemo } from 'react';
import { LineChartCard } from '../../components/Charts';
import { divergingScale } from '../../components/colorScale';
import { ExactNumber } from '../../components/ExactNumber';
import { Heatmap } from '../../components/Heatmap';
import { InputPatternChoice, traceSchema, traceDefaults, TraceSliders, type TraceSettings } from '../../components/TraceControls';
import { WidgetFrame } from '../../components/WidgetFrame';
import { comparedModules, compareCells } from '../../core/figures/cellComparison';
import { makeInputs } from '../../core/figures/inputPatterns';
import { useEngineResult } from '../../hooks/useEngineResult';
import { usePersistentState } from '../../hooks/usePersistentState';
import { useT } from '../../i18n/useT';
import './CellComparison.css';

const INPUT_SIZE = 4;
const LIMITS = { maxHidden: 512, maxSteps: 64 };

export interface CellComparisonProps {
  hiddenSize?: number;
  seqLength?: number;
  seed?: number;
}

const SCHEMA = traceSchema(LIMITS);

/** Chapter 7: nn.RNN, nn.LSTM and nn.GRU fed the same sequence with the same hidden size, side by side. */
export default function CellComparison(props: CellComparisonProps) {
  const t = useT('cellComparison');
  const defaults = traceDefaults(props, { pattern: 'pulses', hiddenSize: 16, seqLength: 24 }, LIMITS);
  const [settings, setSettings, reset] = usePersistentState(`cell-comparison:${JSON.stringify(defaults)}`, defaults, SCHEMA);
  const { pattern, hiddenSize, seqLength, seed } = settings;
  const set = (patch: Partial<TraceSettings>) => setSettings({ ...settings, ...patch });
  const { engine, result, error, busy } = useEngineResult(
    () => compareCells({ hiddenSize, seed, inputs: makeInputs(pattern, { steps: seqLength, inputSize: INPUT_SIZE, seed, modules: comparedModules(INPUT_SIZE, hiddenSize) }) }),
    [hiddenSize, seqLength, seed, pattern],
  );
  const shownHidden = result?.cells[0].h[0].length ?? hiddenSize;
  const cellSize = Math.max(2, Math.min(12, Math.floor(200 / shownHidden)));
  const scaleDescription = t('sharedScale');
  const hScale = useMemo(() => divergingScale(result?.hLimit ?? 1, scaleDescription), [result, scaleDescription]);

  return (
    <WidgetFrame title={t('title')} engine={engine} busy={busy} error={error} controls={<button type="button" onClick={reset}>{t('reset')}</button>}>
      <div className="control-grid">
        <InputPatternChoice value={pattern} onChange={(p) => set({ pattern: p })} />
      </div>
      <TraceSliders settings={settings} limits={LIMITS} onChange={set} />
      {result ? (
        <>
          <table className="shape-table cell-compare-table">
            <caption>{t('tableCaption', { inputSize: INPUT_SIZE, hiddenSize: shownHidden })}</caption>
            <thead>
              <tr><th scope="col">{t('cell')}</th><th scope="col">{t('parameters')}</th><th scope="col">{t('ratio')}</th></tr>
            </thead>
            <tbody>
              {result.cells.map((cell) => (
                <tr key={cell.kind} data-kind={cell.kind}>
                  <th scope="row">nn.{cell.kind}</th>
                  <td data-testid={`parameters-${cell.kind}`} data-value={cell.numParameters}>{cell.numParameters.toLocaleString('en')}</td>
                  <td><ExactNumber value={cell.parameterRatio} digits={3} /></td>
                </tr>
              ))}
            </tbody>
          </table>
          <p className="cell-compare-caption">{t('mapsCaption')}</p>
          <div className="cell-compare-maps">
            {result.cells.map((cell) => (
              <div key={cell.kind} className="cell-compare-panel" data-kind={cell.kind}>
                <p className="cell-compare-title">nn.{cell.kind}</p>
                <Heatmap key={`${cell.h.length}x${shownHidden}`} values={cell.h} name={`h (${cell.kind})`} cellSize={cellSize} scale={hScale} />
              </div>
            ))}
          </div>
          <LineChartCard
            title={t('chartTitle')}
            xLabel="t"
            yLabel="‖hₜ‖"
            series={result.cells.map((cell) => ({ name: cell.kind, points: cell.hNorms.map((y, k) => ({ x: k + 1, y })) }))}
          />
        </>
      ) : (
        <p className="placeholder">{t('placeholder')}</p>
      )}
    </WidgetFrame>
  );
}
