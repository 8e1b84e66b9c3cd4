import { Children, isValidElement, useId, useState, type ReactNode } from 'react';
import { usePersistentState } from '../hooks/usePersistentState';
import { parseReaderNumber } from './format';
import { useT } from '../i18n/useT';

export interface ExerciseProps {
  /** Unique across the book; the reader's answer is kept under it. */
  id: string;
  /** Numeric answer, or the 0-based index of the right choice. Absent for open questions. */
  answer?: number;
  /** Accepted distance from a numeric answer: |given − answer| ≤ tolerance. */
  tolerance?: number;
  /** Makes the exercise multiple choice. */
  choices?: string[];
  /** The question, then optional <Hint> and <Solution>. */
  children: ReactNode;
}

/** Collapsible hint inside an exercise. */
export function Hint({ children }: { children: ReactNode }) {
  const t = useT('exercise');
  return (
    <details className="exercise-hint">
      <summary>{t('hint')}</summary>
      {children}
    </details>
  );
}

/** Collapsible solution inside an exercise. */
export function Solution({ children }: { children: ReactNode }) {
  const t = useT('exercise');
  return (
    <details className="exercise-solution">
      <summary>{t('solution')}</summary>
      {children}
    </details>
  );
}

/** Whether `given` (as typed) answers the exercise; null when it cannot be judged yet. */
export function judge(given: string, answer: number, tolerance: number): boolean | null {
  if (given.trim() === '') return null;
  const value = parseReaderNumber(given);
  return Number.isFinite(value) ? Math.abs(value - answer) <= tolerance : false;
}

/** An exercise: numeric (checked with a tolerance), multiple choice, or open; answers persist locally. */
export function Exercise({ id, answer, tolerance = 0, choices, children }: ExerciseProps) {
  const t = useT('exercise');
  const inputId = useId();
  const [given, setGiven] = usePersistentState(`exercise.${id}`, '');
  // An answer is judged once checked, and a stored answer (restored after the page hydrates) counts as
  // checked; typing makes it a draft again until the reader checks it.
  const [judged, setChecked] = useState<boolean | null>(null);
  const checked = judged ?? given !== '';
  const parts = Children.toArray(children);
  const isAside = (child: ReactNode) => isValidElement(child) && (child.type === Hint || child.type === Solution);
  const question = parts.filter((child) => !isAside(child));
  const asides = parts.filter(isAside);
  const verdict =
    answer === undefined || !checked ? null : choices ? (given === '' ? null : Number(given) === answer) : judge(given, answer, tolerance);

  return (
    <section className="exercise" aria-label={t('exercise')} data-exercise={id}>
      <div className="exercise-question">{question}</div>
      {answer !== undefined && choices && (
        <fieldset className="exercise-choices">
          <legend className="visually-hidden">{t('chooseOne')}</legend>
          {choices.map((choice, index) => (
            <label key={index}>
              <input
                type="radio"
                name={`${id}-choice`}
                checked={given === String(index)}
                onChange={() => {
                  setGiven(String(index));
                  setChecked(true);
                }}
              />
              {choice}
            </label>
          ))}
        </fieldset>
      )}
      {answer !== undefined && !choices && (
        <form
          className="exercise-answer"
          onSubmit={(event) => {
            event.preventDefault();
            setChecked(true);
          }}
        >
          <label htmlFor={inputId}>{t('yourAnswer')}</label>
          <input id={inputId} inputMode="decimal" value={given} onChange={(event) => { setGiven(event.target.value); setChecked(false); }} />
          <button type="submit">{t('check')}</button>
        </form>
      )}
      {verdict !== null && (
        <p className={verdict ? 'exercise-right' : 'exercise-wrong'} role="status">
          {verdict ? t('right') : t('wrong')}
        </p>
      )}
      {asides}
    </section>
  );
}
