import { useState } from 'react';
import { useT } from '../../i18n/useT';
import type { ModelHeld } from '../../workers/charLmProtocol';
import { modelSummaryText } from './charLmView';

/**
 * Reset, which throws away a trained or imported model: when there is one, the first press asks, inline,
 * before anything is lost; with nothing to lose it resets at once.
 */
export function ResetButton({ onReset, modelHeld }: { onReset: () => void; modelHeld: ModelHeld }) {
  const t = useT('charLm');
  const [asking, setAsking] = useState(false);
  if (!asking) {
    return (
      <button type="button" onClick={() => (modelHeld ? setAsking(true) : onReset())}>
        {t('reset')}
      </button>
    );
  }
  return (
    <span className="confirm-reset" role="group" aria-label={t('confirmReset')}>
      <span>{modelHeld ? t('discardNamedModel', { model: modelSummaryText(modelHeld, t) }) : t('discardModel')}</span>
      <button type="button" onClick={() => (setAsking(false), onReset())}>{t('discard')}</button>
      <button type="button" autoFocus onClick={() => setAsking(false)}>{t('keep')}</button>
    </span>
  );
}
