/**
 * ConcatIdentity: the reader re-rolls four random matrices and switches between ReLU and tanh, and sees
 * φ(X W_xh + H W_hh + b_h) come out equal to φ([X, H] [W_xh; W_hh] + b_h), with the largest difference
 * between the two — `concatIdentity` in src/core/figures/concatIdentity.ts.
 */
import { Trans } from 'react-i18next';
import { Matrix } from '../../components/Matrix';
import { WidgetFrame } from '../../components/WidgetFrame';
import { concatIdentity, type Activation } from '../../core/figures/concatIdentity';
import { useEngineResult } from '../../hooks/useEngineResult';
import { usePersistentState } from '../../hooks/usePersistentState';
import { choice, integer, type SettingsSchema } from '../../hooks/settingsSchema';
import { useT } from '../../i18n/useT';

const DEFAULTS = { seed: 1, activation: 'relu' as Activation };
const SCHEMA: SettingsSchema<typeof DEFAULTS> = { seed: integer(0, 2 ** 31 - 2), activation: choice(['relu', 'tanh']) };

/** Chapter 1: X·W_xh + H·W_hh against [X, H]·[W_xh; W_hh], on fresh random tensors, with ReLU or tanh. */
export default function ConcatIdentity() {
  const t = useT('concatIdentity');
  const [settings, setSettings, reset] = usePersistentState('concat-identity', DEFAULTS, SCHEMA);
  const { engine, result, error, busy } = useEngineResult(
    () => concatIdentity(settings.seed, settings.activation),
    [settings.seed, settings.activation],
  );

  const controls = (
    <>
      <button type="button" onClick={() => setSettings({ ...settings, seed: settings.seed + 1 })}>
        {t('reroll')}
      </button>
      <fieldset className="segmented">
        <legend className="visually-hidden">{t('activation')}</legend>
        {(['relu', 'tanh'] as const).map((activation) => (
          <label key={activation}>
            <input
              type="radio"
              name="concat-activation"
              checked={settings.activation === activation}
              onChange={() => setSettings({ ...settings, activation })}
            />
            {activation === 'relu' ? 'ReLU' : 'tanh'}
          </label>
        ))}
      </fieldset>
      <button type="button" onClick={reset}>{t('reset')}</button>
    </>
  );

  return (
    <WidgetFrame title={t('title')} engine={engine} busy={busy} error={error} controls={controls}>
      {result ? (
        <>
          <div className="matrix-row">
            <Matrix name="X" values={result.x} />
            <Matrix name="H" values={result.h} />
            <Matrix name="W_xh" values={result.wXh} />
            <Matrix name="W_hh" values={result.wHh} />
          </div>
          <div className="matrix-row">
            <Matrix name={t('separate')} caption="φ(X W_xh + H W_hh + b_h)" values={result.separate} />
            <Matrix name={t('concatenated')} caption="φ([X, H] [W_xh; W_hh] + b_h)" values={result.concatenated} />
          </div>
          <p className="widget-readout" data-testid="max-abs-difference" title={String(result.maxAbsDifference)}>
            <Trans
              t={t}
              i18nKey={result.maxAbsDifference === 0 ? 'readoutExact' : 'readoutRounding'}
              values={{ difference: result.maxAbsDifference.toExponential(2), seed: settings.seed }}
              components={{ strong: <strong /> }}
            />
          </p>
        </>
      ) : (
        <p className="placeholder">{t('placeholder')}</p>
      )}
    </WidgetFrame>
  );
}
