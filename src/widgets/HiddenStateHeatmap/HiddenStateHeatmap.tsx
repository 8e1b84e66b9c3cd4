/**
 * HiddenStateHeatmap: the reader picks a cell (RNN, LSTM, GRU), what to show (h, the cell state, a gate, or
 * the gradient ∂L/∂h, on a log colour scale if asked), an input pattern, hidden_size, T and a seed, and
 * sees it as one time × unit heatmap beside the input, with the norms that say how much survives —
 * `traceGates` in src/core/figures/gateTrace.ts, on inputs from `makeInputs` in inputPatterns.ts there.
 */
import { useMemo } from 'react';
import { Trans } from 'react-i18next';
import { SegmentedChoice, SelectChoice } from '../../components/Choices';
import { divergingScale, scaleForRange } from '../../components/colorScale';
import { ExactNumber } from '../../components/ExactNumber';
import { Heatmap } from '../../components/Heatmap';
import { InputPatternChoice, traceSchema, traceDefaults, TraceSliders, type TraceSettings } from '../../components/TraceControls';
import { WidgetFrame } from '../../components/WidgetFrame';
import { CELL_KINDS, type CellKind } from '../../core/cells/types';
import { QUANTITY_NAMES, QUANTITY_RANGES, TRACED, traceGates } from '../../core/figures/gateTrace';
import { makeInputs } from '../../core/figures/inputPatterns';
import { useEngineResult } from '../../hooks/useEngineResult';
import { boolean, choice, type SettingsSchema } from '../../hooks/settingsSchema';
import { usePersistentState } from '../../hooks/usePersistentState';
import { useReaderText } from '../../i18n/readerText';
import { useT } from '../../i18n/useT';
import './HiddenStateHeatmap.css';

/** Features per input step: enough for random input to look random, few enough to read as a strip. */
const INPUT_SIZE = 4;
const LIMITS = { maxHidden: 512, maxSteps: 64 };
/** The symbol each quantity goes by in readouts, e.g. `c[t=3, unit=7] = …`. */
const SYMBOLS: Record<string, string> = { dh: '∂L/∂h' };

interface Settings extends TraceSettings {
  kind: CellKind;
  /** a name of `TRACED[kind]`, or 'dh' for the gradient */
  quantity: string;
  /** the gradient on a log colour scale, to see how far back it still reaches */
  logGradient: boolean;
}

export interface HiddenStateHeatmapProps {
  kind?: CellKind;
  hiddenSize?: number;
  seqLength?: number;
  seed?: number;
}

/** Every quantity any cell traces; one the chosen cell does not trace is shown as h. */
const QUANTITIES = [...new Set([...CELL_KINDS.flatMap((kind) => TRACED[kind]), 'dh'])];
const SCHEMA: SettingsSchema<Settings> = { ...traceSchema(LIMITS), kind: choice(CELL_KINDS), quantity: choice(QUANTITIES), logGradient: boolean };

/** Chapters 6–7: every unit's hidden state (cell state, gates, gradient) over time as one picture. */
export default function HiddenStateHeatmap(props: HiddenStateHeatmapProps) {
  const defaults: Settings = {
    kind: CELL_KINDS.includes(props.kind as CellKind) ? (props.kind as CellKind) : 'LSTM',
    quantity: 'h',
    logGradient: false,
    ...traceDefaults(props, { pattern: 'pulses', hiddenSize: 16, seqLength: 24 }, LIMITS),
  };
  const t = useT('hiddenStateHeatmap');
  const text = useReaderText();
  const [settings, setSettings, reset] = usePersistentState(`hidden-state-heatmap:${JSON.stringify(defaults)}`, defaults, SCHEMA);
  const { kind, hiddenSize, seqLength, seed, pattern } = settings;
  const set = (patch: Partial<Settings>) => setSettings({ ...settings, ...patch });
  // Showing another quantity needs no new computation: everything is traced once per settings change.
  const { engine, result, error, busy } = useEngineResult(
    () => traceGates({ kind, hiddenSize, seed, inputs: makeInputs(pattern, { steps: seqLength, inputSize: INPUT_SIZE, seed, modules: [{ kind, inputSize: INPUT_SIZE, hiddenSize }] }) }),
    [kind, hiddenSize, seqLength, seed, pattern],
  );
  const quantities = [...TRACED[kind], 'dh'];
  const quantity = quantities.includes(settings.quantity) ? settings.quantity : 'h';

  const shownKind = result?.kind;
  const shown = result && (quantity === 'dh' ? result.dh : (result.values[quantity] ?? null));
  const symbol = SYMBOLS[quantity] ?? quantity;
  const scale = useMemo(() => (shown ? scaleForRange(QUANTITY_RANGES[quantity], shown, settings.logGradient) : undefined), [shown, quantity, settings.logGradient]);
  const inputDescription = t('inputScale');
  const inputScale = useMemo(() => divergingScale(1, inputDescription), [inputDescription]);
  const cellSize = result ? Math.max(3, Math.min(22, Math.floor(640 / result.hiddenSize))) : 0;
  const last = result ? result.length - 1 : 0;
  const quantityName = text(QUANTITY_NAMES[quantity]);
  const afterPulse = pattern === 'pulse' || pattern === 'pulses';

  return (
    <WidgetFrame title={t('title')} engine={engine} busy={busy} error={error} controls={<button type="button" onClick={reset}>{t('reset')}</button>}>
      <div className="control-grid">
        <SegmentedChoice label={t('cell')} value={kind} options={CELL_KINDS.map((k) => ({ value: k, label: k }))} onChange={(k) => set({ kind: k })} />
        <SelectChoice label={t('show')} value={quantity} options={quantities.map((q) => ({ value: q, label: text(QUANTITY_NAMES[q]) }))} onChange={(q) => set({ quantity: q })} />
        <InputPatternChoice value={pattern} onChange={(p) => set({ pattern: p })} />
        {quantity === 'dh' && (
          <label className="check">
            <input type="checkbox" checked={settings.logGradient} onChange={(e) => set({ logGradient: e.target.checked })} /> {t('logScale')}
          </label>
        )}
      </div>
      <TraceSliders settings={settings} limits={LIMITS} onChange={set} />
      {result && shown ? (
        <>
          <div className="hidden-state-maps">
            <div className="hidden-state-input">
              <p className="hidden-state-caption">{t('inputCaption')}</p>
              <Heatmap key={`x-${result.length}`} values={result.inputs} name="x" colLabel={t('feature')} scale={inputScale} cellSize={cellSize} />
            </div>
            <div className="hidden-state-main">
              <p className="hidden-state-caption">{t('mapCaption', { quantity: quantityName, kind: shownKind })}</p>
              <Heatmap key={`${result.length}x${result.hiddenSize}`} values={shown} name={symbol} cellSize={cellSize} scale={scale} />
            </div>
          </div>
          {quantity === 'dh' && result.dhNorms ? (
            <p className="widget-readout" data-testid="hidden-state-summary">
              <Trans
                t={t}
                i18nKey="gradientSummary"
                components={{ loss: <ExactNumber value={result.loss} />, lastNorm: <ExactNumber value={result.dhNorms[last]} />, firstNorm: <ExactNumber value={result.dhNorms[0]} />, strong: <strong />, sub: <sub /> }}
              />
            </p>
          ) : (
            <p className="widget-readout" data-testid="hidden-state-summary">
              <Trans
                t={t}
                i18nKey={afterPulse ? 'stateSummaryAfterPulse' : 'stateSummary'}
                components={{ firstNorm: <ExactNumber value={result.hNorms[0]} />, lastNorm: <ExactNumber value={result.hNorms[last]} />, sub: <sub /> }}
              />
            </p>
          )}
        </>
      ) : (
        <p className="placeholder">{t('placeholder', { quantity: quantityName, hiddenSize })}</p>
      )}
    </WidgetFrame>
  );
}
