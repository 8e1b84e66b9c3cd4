import { memo, useId, useState } from 'react';
import { fitField, rangeOf } from '../../hooks/settingsSchema';
import { useT } from '../../i18n/useT';
import { COMPARE_STEPS_RULE } from '../../workers/charLmSettings';

const { min, max } = rangeOf(COMPARE_STEPS_RULE);

/**
 * How many steps each cell trains when comparing. What the box shows is what runs: a value out of range
 * is clamped into it when the box loses focus, and until then a message says what will run instead.
 */
export const CompareStepsInput = memo(function CompareStepsInput({ value, onChange, disabled }: { value: number; onChange: (steps: number) => void; disabled: boolean }) {
  const t = useT('charLm');
  const hintId = useId();
  const [draft, setDraft] = useState<string | null>(null);
  const typed = draft === null ? value : Number(draft);
  const fitted = fitField(COMPARE_STEPS_RULE, draft === '' ? Number.NaN : typed, value);
  const note = draft !== null && fitted !== typed ? t('compareStepsNote', { min, max, steps: fitted }) : null;
  const edit = (text: string) => {
    setDraft(text);
    const next = fitField(COMPARE_STEPS_RULE, text === '' ? Number.NaN : Number(text), value);
    if (next !== value) onChange(next);
  };
  return (
    <div className="compare-steps">
      <label>
        {t('compareSteps')}{' '}
        <input type="number" min={min} max={max} step={50} value={draft ?? value} disabled={disabled} aria-describedby={note ? hintId : undefined} onChange={(event) => edit(event.target.value)} onBlur={() => setDraft(null)} />
      </label>
      {note && <span className="compare-steps-note" id={hintId} role="status" data-testid="compare-steps-note">{note}</span>}
    </div>
  );
});
