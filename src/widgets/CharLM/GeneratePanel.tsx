import { memo, useId, useState } from 'react';
import { Slider } from '../../components/Slider';
import { usePersistentState } from '../../hooks/usePersistentState';

/** Prefix, length and temperature in; generated text out. */
export const GeneratePanel = memo(function GeneratePanel({ generate, disabled }: { generate: (prefix: string, length: number, temperature: number, seed: number) => Promise<string>; disabled: boolean }) {
  const prefixId = useId();
  const [settings, setSettings] = usePersistentState('charlm-generate', { prefix: 'the ', length: 200, temperature: 0.8, seed: 0 });
  const [text, setText] = useState<string | null>(null);
  const [problem, setProblem] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);
  const run = async () => {
    setBusy(true);
    setProblem(null);
    try {
      setText(await generate(settings.prefix, settings.length, settings.temperature, settings.seed));
      setSettings({ ...settings, seed: settings.seed + 1 });
    } catch (error) {
      setProblem(error instanceof Error ? error.message : String(error));
    } finally {
      setBusy(false);
    }
  };
  return (
    <div className="generate-panel">
      <div className="control-grid">
        <label htmlFor={prefixId}>Prefix (warm-up)</label>
        <input id={prefixId} value={settings.prefix} onChange={(event) => setSettings({ ...settings, prefix: event.target.value })} />
        <Slider label="Length" value={settings.length} min={20} max={500} step={10} onChange={(length) => setSettings({ ...settings, length })} />
        <Slider label="Temperature (0: greedy)" value={settings.temperature} min={0} max={2} step={0.05} format={(v) => v.toFixed(2)} onChange={(temperature) => setSettings({ ...settings, temperature })} />
        <button type="button" onClick={run} disabled={disabled || busy}>{busy ? 'Generating…' : 'Generate'}</button>
      </div>
      {problem && <p className="widget-error" role="alert">{problem}</p>}
      {text !== null && (
        <p className="generated" data-testid="generated-text">
          <mark>{text.slice(0, settings.prefix.length)}</mark>
          {text.slice(settings.prefix.length)}
        </p>
      )}
    </div>
  );
});
