/**
 * ConcatIdentity: the reader re-rolls four random matrices and switches between ReLU and tanh, and sees
 * φ(X W_xh + H W_hh + b_h) come out equal to φ([X, H] [W_xh; W_hh] + b_h), with the largest difference
 * between the two — `concatIdentity` in src/core/figures/concatIdentity.ts.
 */
import { Matrix } from '../../components/Matrix';
import { WidgetFrame } from '../../components/WidgetFrame';
import { concatIdentity, type Activation } from '../../core/figures/concatIdentity';
import { useEngineResult } from '../../hooks/useEngineResult';
import { usePersistentState } from '../../hooks/usePersistentState';
import { choice, integer, type SettingsSchema } from '../../hooks/settingsSchema';

const DEFAULTS = { seed: 1, activation: 'relu' as Activation };
const SCHEMA: SettingsSchema<typeof DEFAULTS> = { seed: integer(0, 2 ** 31 - 2), activation: choice(['relu', 'tanh']) };

/** Chapter 1: X·W_xh + H·W_hh against [X, H]·[W_xh; W_hh], on fresh random tensors, with ReLU or tanh. */
export default function ConcatIdentity() {
  const [settings, setSettings, reset] = usePersistentState('concat-identity', DEFAULTS, SCHEMA);
  const { engine, result, error, busy } = useEngineResult(
    () => concatIdentity(settings.seed, settings.activation),
    [settings.seed, settings.activation],
  );

  const controls = (
    <>
      <button type="button" onClick={() => setSettings({ ...settings, seed: settings.seed + 1 })}>
        Re-roll
      </button>
      <fieldset className="segmented">
        <legend className="visually-hidden">Activation</legend>
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
      <button type="button" onClick={reset}>Reset</button>
    </>
  );

  return (
    <WidgetFrame title="Two products, one matrix" engine={engine} busy={busy} error={error} controls={controls}>
      {result ? (
        <>
          <div className="matrix-row">
            <Matrix name="X" values={result.x} />
            <Matrix name="H" values={result.h} />
            <Matrix name="W_xh" values={result.wXh} />
            <Matrix name="W_hh" values={result.wHh} />
          </div>
          <div className="matrix-row">
            <Matrix name="separate" caption="φ(X W_xh + H W_hh + b_h)" values={result.separate} />
            <Matrix name="concatenated" caption="φ([X, H] [W_xh; W_hh] + b_h)" values={result.concatenated} />
          </div>
          <p className="widget-readout" data-testid="max-abs-difference" title={String(result.maxAbsDifference)}>
            Largest absolute difference: <strong>{result.maxAbsDifference.toExponential(2)}</strong>{' '}
            (seed {settings.seed}) — {result.maxAbsDifference === 0 ? 'the two sides agree to the last bit.' : 'float32 rounding, nothing more.'}
          </p>
        </>
      ) : (
        <p className="placeholder">Four random matrices will appear here.</p>
      )}
    </WidgetFrame>
  );
}
