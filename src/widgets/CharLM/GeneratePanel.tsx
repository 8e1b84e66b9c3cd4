import { memo, useId, useState } from 'react';
import { Slider } from '../../components/Slider';
import { rangeOf } from '../../hooks/settingsSchema';
import { usePersistentState } from '../../hooks/usePersistentState';
import { useReaderText } from '../../i18n/readerText';
import { useT } from '../../i18n/useT';
import { GENERATE_DEFAULTS, GENERATE_SCHEMA, nextSeed, PREFIX_MAX_LENGTH } from '../../workers/charLmSettings';
import type { Generated } from './useCharLmWorker';

/** Prefix, length and temperature in; generated text out. A long text can be stopped halfway. */
export const GeneratePanel = memo(function GeneratePanel({ generate, cancel, unavailable }: {
  generate: (prefix: string, length: number, temperature: number, seed: number) => Promise<Generated>;
  cancel: () => void;
  /** Why generating is not possible now, or null when it is. */
  unavailable: string | null;
}) {
  const t = useT('charLm');
  const say = useReaderText();
  const prefixId = useId();
  const [settings, setSettings] = usePersistentState('charlm-generate', GENERATE_DEFAULTS, GENERATE_SCHEMA, { group: 'generate.' });
  const [result, setResult] = useState<Generated | null>(null);
  /** Why the last generation failed, as it was thrown; null when it did not. */
  const [problem, setProblem] = useState<unknown>(null);
  const [busy, setBusy] = useState(false);
  const run = async () => {
    setBusy(true);
    setProblem(null);
    try {
      setResult(await generate(settings.prefix, settings.length, settings.temperature, settings.seed));
      setSettings({ ...settings, seed: nextSeed(settings.seed) });
    } catch (error) {
      setProblem(error);
    } finally {
      setBusy(false);
    }
  };
  const problemText = problem === null ? null : say(problem);
  return (
    <div className="generate-panel">
      <div className="control-grid">
        <label htmlFor={prefixId}>{t('prefix')}</label>
        <input id={prefixId} value={settings.prefix} maxLength={PREFIX_MAX_LENGTH} onChange={(event) => setSettings({ ...settings, prefix: event.target.value })} />
        <Slider label={t('length')} value={settings.length} {...rangeOf(GENERATE_SCHEMA.length)} step={10} onChange={(length) => setSettings({ ...settings, length })} />
        <Slider label={t('temperature')} value={settings.temperature} {...rangeOf(GENERATE_SCHEMA.temperature)} step={0.05} format={(v) => v.toFixed(2)} onChange={(temperature) => setSettings({ ...settings, temperature })} />
        {busy ? (
          <button type="button" onClick={cancel}>{t('stopGenerating')}</button>
        ) : (
          <button type="button" onClick={run} disabled={unavailable !== null}>{t('generate')}</button>
        )}
      </div>
      {unavailable && !busy && <p className="generate-hint" data-testid="generate-hint">{unavailable}</p>}
      {busy && <p className="generate-hint" aria-live="polite">{t('generating', { length: settings.length })}</p>}
      {problemText && <p className="widget-error" role="alert">{problemText}</p>}
      {result !== null && (
        <p className="generated" data-testid="generated-text" data-complete={result.complete}>
          <mark>{result.warmUp}</mark>
          {result.continuation}
          {!result.complete && <span className="generate-hint"> {t('stoppedAfter', { characters: [...result.continuation].length })}</span>}
        </p>
      )}
    </div>
  );
});
