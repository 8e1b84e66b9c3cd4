/**
 * GateInspector: for the chapter's LSTM or GRU, the reader picks an input pattern, hidden_size, T and a
 * seed, and may switch on the usual bug (one shared linear layer for every gate); each gate and the state
 * it writes appear as time × unit heatmaps, with how far the gates differ and how many parameters are
 * free — `traceGates` with `sharedGates` in src/core/figures/gateTrace.ts.
 */
import { useMemo } from 'react';
import { scaleForRange } from '../../components/colorScale';
import { ExactNumber } from '../../components/ExactNumber';
import { Heatmap } from '../../components/Heatmap';
import { InputPatternChoice, traceSchema, traceDefaults, TraceSliders, type TraceSettings } from '../../components/TraceControls';
import { WidgetFrame } from '../../components/WidgetFrame';
import { QUANTITY_NAMES, QUANTITY_RANGES, traceGates } from '../../core/figures/gateTrace';
import { makeInputs } from '../../core/figures/inputPatterns';
import { useEngineResult } from '../../hooks/useEngineResult';
import { boolean, type SettingsSchema } from '../../hooks/settingsSchema';
import { usePersistentState } from '../../hooks/usePersistentState';
import './GateInspector.css';

type GatedKind = 'LSTM' | 'GRU';

const INPUT_SIZE = 4;
const LIMITS = { maxHidden: 64, maxSteps: 48 };
/** What each kind's panels show: its gates, then the state they write. */
const PANELS: Record<GatedKind, readonly string[]> = { LSTM: ['i', 'f', 'g', 'o', 'c'], GRU: ['r', 'z', 'n', 'h'] };
/** The bug as it is usually written: layers one gate wide where they should be G gates wide. */
const BUGGY_CODE: Record<GatedKind, string> = {
  LSTM: ['a = self.x2h(x) + self.h2h(h)  # H outputs instead of 4·H', 'i, f, g, o = a.sigmoid(), a.sigmoid(), a.tanh(), a.sigmoid()'].join('\n'),
  GRU: ['gx, gh = self.x2h(x), self.h2h(h)  # H outputs instead of 3·H', 'r, z = (gx + gh).sigmoid(), (gx + gh).sigmoid()', 'n = (gx + r * gh).tanh()'].join('\n'),
};

interface Settings extends TraceSettings {
  sharedGates: boolean;
}

export interface GateInspectorProps {
  kind?: GatedKind;
  hiddenSize?: number;
  seqLength?: number;
  seed?: number;
}

const SCHEMA: SettingsSchema<Settings> = { ...traceSchema(LIMITS), sharedGates: boolean };

/** Chapters 6–7: every gate over time, and what happens when one linear layer computes all of them. */
export default function GateInspector(props: GateInspectorProps) {
  const kind: GatedKind = props.kind === 'GRU' ? 'GRU' : 'LSTM';
  const defaults: Settings = { sharedGates: false, ...traceDefaults(props, { pattern: 'random', hiddenSize: 8, seqLength: 16 }, LIMITS) };
  const [settings, setSettings, reset] = usePersistentState(`gate-inspector:${kind}:${JSON.stringify(defaults)}`, defaults, SCHEMA);
  const { sharedGates, pattern, hiddenSize, seqLength, seed } = settings;
  const set = (patch: Partial<Settings>) => setSettings({ ...settings, ...patch });
  const { engine, result, error, busy } = useEngineResult(
    () => {
      const inputs = makeInputs(pattern, { steps: seqLength, inputSize: INPUT_SIZE, seed, modules: [{ kind, inputSize: INPUT_SIZE, hiddenSize }] });
      return traceGates({ kind, hiddenSize, seed, sharedGates, inputs, gradients: false });
    },
    [kind, hiddenSize, seqLength, seed, pattern, sharedGates],
  );
  const scales = useMemo(() => (result ? Object.fromEntries(PANELS[result.kind as GatedKind].map((name) => [name, scaleForRange(QUANTITY_RANGES[name], result.values[name])])) : {}), [result]);
  const cellSize = result ? Math.max(3, Math.min(14, Math.floor(180 / result.hiddenSize))) : 0;

  return (
    <WidgetFrame title={`${kind} gates over time`} engine={engine} busy={busy} error={error} controls={<button type="button" onClick={reset}>Reset</button>}>
      <div className="control-grid">
        <label className="check gate-bug-toggle">
          <input type="checkbox" checked={sharedGates} onChange={(e) => set({ sharedGates: e.target.checked })} /> One shared linear layer for every gate (the bug)
        </label>
        <InputPatternChoice value={pattern} onChange={(p) => set({ pattern: p })} />
      </div>
      <TraceSliders settings={settings} limits={LIMITS} onChange={set} />
      {result ? (
        <>
          <div className="gate-panels">
            {PANELS[kind].map((name) => (
              <div key={name} className="gate-panel" data-gate={name}>
                <p className="gate-panel-title">{QUANTITY_NAMES[name]}</p>
                <Heatmap key={`${result.length}x${result.hiddenSize}`} values={result.values[name]} name={name} cellSize={cellSize} scale={scales[name]} />
              </div>
            ))}
          </div>
          <ul className="gate-differences" data-testid="gate-differences">
            {result.gateDifferences.map(({ a, b, maxAbs }) => (
              <li key={`${a}${b}`} className={maxAbs === 0 ? 'gate-identical' : undefined}>
                max over t and units of |{a} − {b}| ={' '}
                <strong data-pair={`${a}-${b}`} data-value={maxAbs}>
                  <ExactNumber value={maxAbs} />
                </strong>
                {maxAbs === 0 && ': identical'}
              </li>
            ))}
          </ul>
          <p className="widget-readout">
            {result.sharedGates
              ? `Every gate block of W_ih, W_hh and the biases is the same ${result.hiddenSize}-row block, so every gate sees the same pre-activation: the sigmoid gates are one gate drawn ${kind === 'LSTM' ? 'three' : 'two'} times, and the cell can no longer forget and write independently. This is what the bug looks like in code:`
              : `Each gate has its own block of ${result.hiddenSize} rows in W_ih, W_hh and the biases, so each gate sees its own pre-activation and the maps differ.`}
          </p>
          {result.sharedGates && <pre className="gate-bug-code">{BUGGY_CODE[kind]}</pre>}
          <p className="widget-readout" data-testid="gate-parameters">
            nn.{kind}({result.inputSize}, {result.hiddenSize}) has <span data-value={result.numParameters}>{result.numParameters.toLocaleString('en')}</span> parameters;{' '}
            {result.sharedGates ? (
              <>
                with one shared layer only <strong data-value={result.freeParameters}>{result.freeParameters.toLocaleString('en')}</strong> of them are free, the rest are copies.
              </>
            ) : (
              <>every one of them is free.</>
            )}
          </p>
        </>
      ) : (
        <p className="placeholder">The {kind}'s gates will appear here as time × unit maps.</p>
      )}
    </WidgetFrame>
  );
}
