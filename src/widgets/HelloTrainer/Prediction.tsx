import { useT } from '../../i18n/useT';

/** The string "hello" → "ohlol" is trained to produce. */
export const TARGET = 'ohlol';

/** A predicted string with each letter marked right or wrong against "ohlol". */
export function Prediction({ text }: { text: string }) {
  const t = useT('helloTrainer');
  const right = [...text].filter((char, k) => char === TARGET[k]).length;
  return (
    <span className="hello-prediction">
      {/* Read out as one word and a count: letter by letter, the colours would be lost on a screen reader. */}
      <span className="visually-hidden">{t('predictionRead', { text, right })}</span>
      {[...text].map((char, k) => (
        <span key={k} className={char === TARGET[k] ? 'right' : 'wrong'} aria-hidden="true">
          {char}
        </span>
      ))}
    </span>
  );
}
