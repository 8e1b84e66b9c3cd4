/**
 * GateInspector: for the chapter's LSTM or GRU, the reader picks an input pattern, hidden_size, T and a
 * seed, and may switch on the usual bug (one shared linear layer for every gate); each gate and the state
 * it writes appear as time × unit heatmaps, with how far the gates differ and how many parameters are
 * free — `traceGates` with `sharedGates` in src/core/figures/gateTrace.ts.
 */
import { useMemo } from 'react';
import { Trans } from 'react-i18next';
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
import { useReaderText } from '../../i18n/readerText';
import { useT } from '../../i18n/useT';
import './GateInspector.css';

type GatedKind = 'LSTM' | 'GRU';

const INPUT_SIZE = 4;
const LIMITS = { maxHidden: 64, maxSteps: 48 };
/** What each kind's panels show: its gates, then the state they write. */
const PANELS: Record<GatedKind, readonly string[]> = { LSTM: ['i', 'f', 'g', 'o', 'c'], GRU: ['r', 'z', 'n', 'h'] };
/** The bug as it is usually written, layers one gate wide where they should be G gates wide: its catalogue key (the code's comment is translated). */
const BUGGY_CODE = { LSTM: 'bugCodeLstm', GRU: 'bugCodeGru' } as const;
/** How many copies of one gate the sigmoid gates become under the bug, as a catalogue key. */
const SIGMOID_COPIES = { LSTM: 'copiesThree', GRU: 'copiesTwo' } as const;

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
  const t = useT('gateInspector');
  const text = useReaderText();
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
    <WidgetFrame title={t('title', { kind })} engine={engine} busy={busy} error={error} controls={<button type="button" onClick={reset}>{t('reset')}</button>}>
      <div className="control-grid">
        <label className="check gate-bug-toggle">
          <input type="checkbox" checked={sharedGates} onChange={(e) => set({ sharedGates: e.target.checked })} /> {t('sharedGates')}
        </label>
        <InputPatternChoice value={pattern} onChange={(p) => set({ pattern: p })} />
      </div>
      <TraceSliders settings={settings} limits={LIMITS} onChange={set} />
      {result ? (
        <>
          <div className="gate-panels">
            {PANELS[kind].map((name) => (
              <div key={name} className="gate-panel" data-gate={name}>
                <p className="gate-panel-title">{text(QUANTITY_NAMES[name])}</p>
                <Heatmap key={`${result.length}x${result.hiddenSize}`} values={result.values[name]} name={name} cellSize={cellSize} scale={scales[name]} />
              </div>
            ))}
          </div>
          <ul className="gate-differences" data-testid="gate-differences">
            {result.gateDifferences.map(({ a, b, maxAbs }) => (
              <li key={`${a}${b}`} className={maxAbs === 0 ? 'gate-identical' : undefined}>
                <Trans
                  t={t}
                  i18nKey={maxAbs === 0 ? 'differenceIdentical' : 'difference'}
                  values={{ a, b }}
                  components={{
                    value: (
                      <strong data-pair={`${a}-${b}`} data-value={maxAbs}>
                        <ExactNumber value={maxAbs} />
                      </strong>
                    ),
                  }}
                />
              </li>
            ))}
          </ul>
          <p className="widget-readout">
            {result.sharedGates
              ? t('sharedExplanation', { rows: result.hiddenSize, copies: t(SIGMOID_COPIES[kind]) })
              : t('separateExplanation', { rows: result.hiddenSize })}
          </p>
          {result.sharedGates && <pre className="gate-bug-code">{t(BUGGY_CODE[kind])}</pre>}
          <p className="widget-readout" data-testid="gate-parameters">
            <Trans
              t={t}
              i18nKey={result.sharedGates ? 'parametersShared' : 'parametersFree'}
              values={{ kind, inputSize: result.inputSize, hiddenSize: result.hiddenSize, total: result.numParameters.toLocaleString('en'), free: result.freeParameters.toLocaleString('en') }}
              components={{ total: <span data-value={result.numParameters} />, free: <strong data-value={result.freeParameters} /> }}
            />
          </p>
        </>
      ) : (
        <p className="placeholder">{t('placeholder', { kind })}</p>
      )}
    </WidgetFrame>
  );
}
