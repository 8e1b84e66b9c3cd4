import { useState } from 'react';
import { Trans } from 'react-i18next';
import { ExactNumber } from '../../components/ExactNumber';
import { checkGradientEntry, type GradientCheck } from '../../core/figures/finiteDifference';
import type { UnrollOptions } from '../../core/unroll/unroll';
import { useReaderText } from '../../i18n/readerText';
import { useT } from '../../i18n/useT';
import { readerName } from './parameterNames';

/** Relative differences below this count as agreement (float32 gradients against float64 differences). */
const AGREEMENT = 1e-3;

export interface GradientCheckPanelProps {
  options: UnrollOptions;
  param: string;
  /** [rows, cols] of a matrix, [length] of a vector */
  shape: number[];
  /** the entry picked at first: the largest |gradient|, whose relative error means most */
  defaultIndex: number[];
  ready: boolean;
}

function IndexPicker({ label, count, value, onChange }: { label: string; count: number; value: number; onChange: (v: number) => void }) {
  return (
    <label className="check-index">
      {label}{' '}
      <select value={value} onChange={(event) => onChange(Number(event.target.value))}>
        {Array.from({ length: count }, (_, k) => (
          <option key={k} value={k}>{k}</option>
        ))}
      </select>
    </label>
  );
}

/** Six significant digits: enough to see float32 and float64 agree to the digits that matter. */
const shown = (value: number, digits = 6) => <ExactNumber value={value} digits={digits} />;

/**
 * "Check this gradient": one entry of BPTT's gradient against a central finite difference the engine
 * computes in float64. The parent remounts it (a new key) when the setup or the parameter changes.
 */
export function GradientCheckPanel({ options, param, shape, defaultIndex, ready }: GradientCheckPanelProps) {
  const [index, setIndex] = useState(defaultIndex);
  const [check, setCheck] = useState<GradientCheck | null>(null);
  const [running, setRunning] = useState(false);
  // What failed, with the entry it was for: worded when shown, in the page's language.
  const [problem, setProblem] = useState<{ entry: string; error: unknown } | null>(null);
  const t = useT('bpttStepper');
  const readerText = useReaderText();
  const pick = (axis: number) => (v: number) => {
    setIndex(index.map((k, a) => (a === axis ? v : k)));
    setCheck(null);
  };
  const symbol = readerName(param);
  const entry = `∂L/∂${symbol}[${index.join(', ')}]`;
  const run = async () => {
    setRunning(true);
    setProblem(null);
    try {
      setCheck(await checkGradientEntry(options, param, index));
    } catch (error) {
      setProblem({ entry, error });
    } finally {
      setRunning(false);
    }
  };
  return (
    <section className="gradient-check" aria-label={t('gradientCheck')}>
      <div className="check-controls">
        <span>
          <Trans t={t} i18nKey="entryOf" values={{ symbol }} components={{ code: <code /> }} />
        </span>
        {shape.length === 2 ? (
          <>
            <IndexPicker label={t('row')} count={shape[0]} value={index[0]} onChange={pick(0)} />
            <IndexPicker label={t('column')} count={shape[1]} value={index[1]} onChange={pick(1)} />
          </>
        ) : (
          <IndexPicker label={t('index')} count={shape[0]} value={index[0]} onChange={pick(0)} />
        )}
        <button type="button" onClick={run} disabled={!ready || running}>
          {running ? t('checking') : t('checkThisGradient')}
        </button>
      </div>
      {problem && (
        <p className="widget-error" role="alert">
          {/* The engine's message names its parameter key; the reader knows the symbol. */}
          {t('checkFailed', { entry: problem.entry, message: readerText(problem.error).replaceAll(param, symbol) })}
        </p>
      )}
      <div aria-live="polite">
        {check && (
          <dl className="check-result" data-testid="gradient-check">
            <dt>{t('analytic', { entry })}</dt>
            <dd data-testid="check-analytic" data-value={check.analytic}>{shown(check.analytic)}</dd>
            <dt>{t('numeric', { epsilon: check.epsilon })}</dt>
            <dd data-testid="check-numeric" data-value={check.numeric}>{shown(check.numeric)}</dd>
            <dt>{t('relativeDifference')}</dt>
            <dd data-testid="check-relative" data-value={check.relativeDifference}>
              <ExactNumber value={check.relativeDifference} digits={3} />{' '}
              {check.relativeDifference < AGREEMENT ? <strong className="agree">{t('agree')}</strong> : <strong className="differ">{t('differ')}</strong>}
            </dd>
          </dl>
        )}
        {check && check.clipScale < 1 && (
          <p className="check-note">
            <Trans t={t} i18nKey="checkedBeforeClipping" components={{ scale: shown(check.clipScale, 4) }} />
          </p>
        )}
        {check && options.truncation !== undefined && (
          <p className="check-note">{t('truncationKeepsCuts', { steps: options.truncation })}</p>
        )}
      </div>
    </section>
  );
}
