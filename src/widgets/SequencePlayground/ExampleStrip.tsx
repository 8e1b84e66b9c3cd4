import { memo } from 'react';
import type { ExampleSymbol, ExampleTrace } from '../../core/tasks';
import { useReaderText } from '../../i18n/readerText';
import { useT } from '../../i18n/useT';

/** A step with nothing due: a dot to the eye, words to a screen reader. */
function NotScored() {
  const t = useT('sequencePlayground');
  return (
    <>
      <span aria-hidden="true">·</span>
      <span className="visually-hidden">{t('notScored')}</span>
    </>
  );
}

/**
 * The example sequence in three rows, one column per time step: what went in, what was due, and what the
 * model answered. A wrong answer is struck through and marked ✗ (and read out as wrong), not only coloured.
 */
export const ExampleStrip = memo(function ExampleStrip({ example }: { example: ExampleTrace }) {
  const t = useT('sequencePlayground');
  const say = useReaderText();
  // A symbol is printed as it is; a word (parity's odd and even) in the page's language.
  const shown = (symbol: ExampleSymbol) => (typeof symbol === 'string' ? symbol : say(symbol));
  const wrong = example.steps.filter((s) => s.correct === false).length;
  const scored = example.steps.filter((s) => s.correct !== null).length;
  const counts = { count: scored, right: scored - wrong, wrong };
  return (
    <figure className="example-strip" data-testid="example-strip" data-wrong={wrong}>
      <figcaption>{wrong ? t('exampleCaptionWrong', counts) : t('exampleCaption', counts)}</figcaption>
      {/* Wider than a phone: it scrolls by itself, and takes focus so a keyboard can scroll it. */}
      <div className="example-scroll" tabIndex={0} role="region" aria-label={t('exampleRegion')}>
        <table>
          <thead>
            <tr>
              <th scope="col">t</th>
              {example.steps.map((_, step) => (
                <th key={step} scope="col">{step + 1}</th>
              ))}
            </tr>
          </thead>
          <tbody>
            <tr>
              <th scope="row">{t('rowInput')}</th>
              {example.steps.map((s, step) => (
                <td key={step} className={s.marked ? 'marked' : undefined}>
                  {s.input}
                  {s.marked && <span className="visually-hidden"> {t('markedStep')}</span>}
                </td>
              ))}
            </tr>
            <tr>
              <th scope="row">{t('rowTarget')}</th>
              {example.steps.map((s, step) => (
                <td key={step}>{s.target === null ? <NotScored /> : shown(s.target)}</td>
              ))}
            </tr>
            <tr>
              <th scope="row">{t('rowAnswer')}</th>
              {example.steps.map((s, step) => (
                <td key={step} className={s.correct === false ? 'wrong' : s.correct ? 'right' : undefined}>
                  {s.prediction === null ? <NotScored /> : shown(s.prediction)}
                  {s.correct === false && (
                    <>
                      <span className="mistake-mark" aria-hidden="true">✗</span>
                      <span className="visually-hidden"> {t('wrongStep')}</span>
                    </>
                  )}
                </td>
              ))}
            </tr>
          </tbody>
        </table>
      </div>
    </figure>
  );
});
