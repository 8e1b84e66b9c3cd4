import { memo } from 'react';
import type { ExampleTrace } from '../../core/tasks';

/** A step with nothing due: a dot to the eye, words to a screen reader. */
const NotScored = () => (
  <>
    <span aria-hidden="true">·</span>
    <span className="visually-hidden">not scored</span>
  </>
);

/**
 * The example sequence in three rows, one column per time step: what went in, what was due, and what the
 * model answered. A wrong answer is struck through and marked ✗ (and read out as wrong), not only coloured.
 */
export const ExampleStrip = memo(function ExampleStrip({ example }: { example: ExampleTrace }) {
  const wrong = example.steps.filter((s) => s.correct === false).length;
  const scored = example.steps.filter((s) => s.correct !== null).length;
  return (
    <figure className="example-strip" data-testid="example-strip" data-wrong={wrong}>
      <figcaption>
        The example sequence: {scored - wrong} right of {scored} scored step{scored === 1 ? '' : 's'}{wrong ? `, ${wrong} wrong (marked ✗)` : ''}.
      </figcaption>
      {/* Wider than a phone: it scrolls by itself, and takes focus so a keyboard can scroll it. */}
      <div className="example-scroll" tabIndex={0} role="region" aria-label="Example sequence, step by step">
        <table>
          <thead>
            <tr>
              <th scope="col">t</th>
              {example.steps.map((_, t) => (
                <th key={t} scope="col">{t + 1}</th>
              ))}
            </tr>
          </thead>
          <tbody>
            <tr>
              <th scope="row">input</th>
              {example.steps.map((s, t) => (
                <td key={t} className={s.marked ? 'marked' : undefined}>
                  {s.input}
                  {s.marked && <span className="visually-hidden"> (marked)</span>}
                </td>
              ))}
            </tr>
            <tr>
              <th scope="row">target</th>
              {example.steps.map((s, t) => (
                <td key={t}>{s.target ?? <NotScored />}</td>
              ))}
            </tr>
            <tr>
              <th scope="row">answer</th>
              {example.steps.map((s, t) => (
                <td key={t} className={s.correct === false ? 'wrong' : s.correct ? 'right' : undefined}>
                  {s.prediction ?? <NotScored />}
                  {s.correct === false && (
                    <>
                      <span className="mistake-mark" aria-hidden="true">✗</span>
                      <span className="visually-hidden"> (wrong)</span>
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
