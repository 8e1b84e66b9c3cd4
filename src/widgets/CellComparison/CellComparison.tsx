import { LineChartCard } from '../../components/Charts';
import { SelectChoice } from '../../components/Choices';
import { formatNumber } from '../../components/format';
import { Heatmap } from '../../components/Heatmap';
import { Slider } from '../../components/Slider';
import { WidgetFrame } from '../../components/WidgetFrame';
import { compareCells } from '../../core/cellComparison';
import { INPUT_PATTERN_NAMES, INPUT_PATTERNS, isInputPattern, makeInputs, type InputPattern } from '../../core/inputPatterns';
import { useEngineResult } from '../../hooks/useEngineResult';
import { clampInteger, usePersistentState } from '../../hooks/usePersistentState';
import './CellComparison.css';

const INPUT_SIZE = 4;
const MAX_HIDDEN = 512;
const MAX_STEPS = 64;

interface Settings {
  pattern: InputPattern;
  hiddenSize: number;
  seqLength: number;
  seed: number;
}

export interface CellComparisonProps {
  hiddenSize?: number;
  seqLength?: number;
  seed?: number;
}

function isSettings(value: unknown): value is Settings {
  const s = value as Settings;
  return (
    typeof s === 'object' && s !== null && isInputPattern(s.pattern) && clampInteger(s.hiddenSize, 1, MAX_HIDDEN, -1) === s.hiddenSize &&
    clampInteger(s.seqLength, 1, MAX_STEPS, -1) === s.seqLength && clampInteger(s.seed, 0, 99, -1) === s.seed
  );
}

/** Chapter 7: nn.RNN, nn.LSTM and nn.GRU fed the same sequence with the same hidden size, side by side. */
export default function CellComparison(props: CellComparisonProps) {
  const defaults: Settings = {
    pattern: 'pulses',
    hiddenSize: clampInteger(props.hiddenSize, 1, MAX_HIDDEN, 16),
    seqLength: clampInteger(props.seqLength, 1, MAX_STEPS, 24),
    seed: clampInteger(props.seed, 0, 99, 0),
  };
  const [settings, setSettings, reset] = usePersistentState(`cell-comparison:${JSON.stringify(defaults)}`, defaults, isSettings);
  const { pattern, hiddenSize, seqLength, seed } = settings;
  const set = (patch: Partial<Settings>) => setSettings({ ...settings, ...patch });
  const { engine, result, error, busy } = useEngineResult(
    () => compareCells({ hiddenSize, seed, inputs: makeInputs(pattern, seqLength, INPUT_SIZE, seed) }),
    [hiddenSize, seqLength, seed, pattern],
  );
  const shownHidden = result?.cells[0].h[0].length ?? hiddenSize;
  const cellSize = Math.max(2, Math.min(12, Math.floor(200 / shownHidden)));

  return (
    <WidgetFrame title="RNN, LSTM and GRU on the same input" engine={engine} busy={busy} error={error} controls={<button type="button" onClick={reset}>Reset</button>}>
      <div className="control-grid">
        <SelectChoice label="Input" value={pattern} options={INPUT_PATTERNS.map((p) => ({ value: p, label: INPUT_PATTERN_NAMES[p] }))} onChange={(p) => set({ pattern: p })} />
      </div>
      <div className="control-grid">
        <Slider label="hidden_size" value={hiddenSize} min={1} max={MAX_HIDDEN} onChange={(v) => set({ hiddenSize: v })} />
        <Slider label="time steps T" value={seqLength} min={1} max={MAX_STEPS} onChange={(v) => set({ seqLength: v })} />
        <Slider label="seed" value={seed} min={0} max={99} onChange={(v) => set({ seed: v })} />
      </div>
      {result ? (
        <>
          <table className="shape-table cell-compare-table">
            <caption>Parameters of one layer with input_size={INPUT_SIZE}, hidden_size={shownHidden}</caption>
            <thead>
              <tr><th scope="col">cell</th><th scope="col">parameters</th><th scope="col">× RNN</th></tr>
            </thead>
            <tbody>
              {result.cells.map((cell) => (
                <tr key={cell.kind} data-kind={cell.kind}>
                  <th scope="row">nn.{cell.kind}</th>
                  <td data-testid={`parameters-${cell.kind}`} title={String(cell.numParameters)}>{cell.numParameters.toLocaleString('en')}</td>
                  <td title={String(cell.parameterRatio)}>{formatNumber(cell.parameterRatio, 2)}</td>
                </tr>
              ))}
            </tbody>
          </table>
          <p className="cell-compare-caption">Hidden state h of each cell, time down, units across, all three on one colour scale:</p>
          <div className="cell-compare-maps">
            {result.cells.map((cell) => (
              <div key={cell.kind} className="cell-compare-panel" data-kind={cell.kind}>
                <p className="cell-compare-title">nn.{cell.kind}</p>
                <Heatmap key={`${cell.h.length}x${shownHidden}`} values={cell.h} name={`h (${cell.kind})`} cellSize={cellSize} limit={result.hLimit} />
              </div>
            ))}
          </div>
          <LineChartCard
            title="‖hₜ‖ over time"
            xLabel="t"
            yLabel="‖hₜ‖"
            series={result.cells.map((cell) => ({ name: cell.kind, points: cell.hNorms.map((y, k) => ({ x: k + 1, y })) }))}
          />
        </>
      ) : (
        <p className="placeholder">The three cells' hidden states and parameter counts will appear here.</p>
      )}
    </WidgetFrame>
  );
}
