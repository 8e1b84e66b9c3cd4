/** The sentences under the memory chart come from the runs they read, not from anything written in advance. */
import { describe, expect, it } from 'vitest';
import { CELL_CHOICES, readSweep, sweepCurves, type CellChoice, type SpanSetting, type SweepRun } from '../../../../src/core/tasks';
import { i18n } from '../../../../src/i18n/i18n';
import { readerText } from '../../../../src/i18n/readerText';
import type { Language } from '../../../../src/routing/language';
import { sweepReadingText } from '../../../../src/widgets/SequencePlayground/sweepReadingText';

/** Runs with the given mean accuracy per span, one seed each (two for the first cell, to check the mean). */
function runs(table: Record<number, Partial<Record<CellChoice, number>>>): SweepRun[] {
  return Object.entries(table).flatMap(([span, scores]) =>
    Object.entries(scores).flatMap(([cell, accuracy]) => {
      const run = { cell: cell as CellChoice, span: Number(span), seed: 0, accuracy: accuracy!, loss: 0, reason: 'finished' as const, elapsedMs: 1 };
      return cell === 'rnn' ? [{ ...run, accuracy: accuracy! - 0.01 }, { ...run, seed: 1, accuracy: accuracy! + 0.01 }] : [run];
    }),
  );
}

const cells: CellChoice[] = ['rnn', 'lstm', 'gru'];

/** The sentences under the memory chart, in `language`. */
function reading(measured: SweepRun[], span: SpanSetting, chance: number, language: Language = 'en'): string {
  const t = i18n.getFixedT(language, 'sequencePlayground');
  return sweepReadingText(readSweep(measured, cells, chance), span, t, (cell) => readerText(CELL_CHOICES[cell].label, language));
}

describe('readSweep', () => {
  it('reads the engine’s echo table as the chapter describes it', () => {
    const measured = runs({ 1: { rnn: 1, lstm: 1, gru: 1 }, 5: { rnn: 0.99, lstm: 0.99, gru: 1 }, 10: { rnn: 0.84, lstm: 0.57, gru: 0.62 }, 20: { rnn: 0.28, lstm: 0.25, gru: 0.25 }, 40: { rnn: 0.25, lstm: 0.25, gru: 0.26 } });
    expect(reading(measured, 'delay', 0.25)).toBe(
      'Up to delay 5 every cell scored at least 0.95. At delay 10 the RNN (tanh) scored 0.84, the LSTM 0.57 and the GRU 0.62: the RNN (tanh) did best. From delay 20 on every cell is at chance (0.25).',
    );
  });

  it('changes with the numbers: only the GRU learns the adding problem', () => {
    const measured = runs({ 10: { rnn: 0.11, lstm: 0.25, gru: 0.78 }, 30: { rnn: 0.06, lstm: 0.07, gru: 0.62 } });
    expect(readSweep(measured, cells, 0.0784)).toEqual([
      { kind: 'cellsDiffer', at: 10, scores: [{ cell: 'rnn', accuracy: 0.11 }, { cell: 'lstm', accuracy: 0.25 }, { cell: 'gru', accuracy: 0.78 }], best: ['gru'] },
    ]);
    expect(reading(measured, 'length', 0.0784)).toBe('At length 10 the RNN (tanh) scored 0.11, the LSTM 0.25 and the GRU 0.78: the GRU did best.');
  });

  it('says when nothing was learned, and reads only spans every cell has finished', () => {
    expect(reading(runs({ 5: { rnn: 0.25, lstm: 0.26, gru: 0.24 } }), 'delay', 0.25)).toBe(
      'At every delay tried every cell is at chance (0.25): nothing was learned in this budget.',
    );
    expect(readSweep(runs({ 1: { rnn: 1, lstm: 1 } }), cells, 0.25)).toEqual([]);
    expect(reading([], 'delay', 0.25)).toBe('');
  });

  it('reads the same findings in Chinese, without spaces between sentences', () => {
    const measured = runs({ 1: { rnn: 1, lstm: 1, gru: 1 }, 10: { rnn: 0.84, lstm: 0.57, gru: 0.62 }, 20: { rnn: 0.25, lstm: 0.25, gru: 0.25 } });
    expect(reading(measured, 'delay', 0.25, 'zh')).toBe(
      '延迟不超过 1 时，每种单元的得分都至少为 0.95。延迟为 10 时，RNN (tanh) 得分 0.84、LSTM 0.57 和 GRU 0.62：RNN (tanh) 表现最好。从延迟 20 开始，每种单元都只达到随机水平（0.25）。',
    );
  });
});

describe('sweepCurves', () => {
  it('averages over seeds, one curve per cell in the order asked, spans sorted', () => {
    const curves = sweepCurves(runs({ 3: { lstm: 0.5, rnn: 0.9 }, 1: { rnn: 1, lstm: 1 } }), cells);
    expect(curves.map((c) => c.cell)).toEqual(['rnn', 'lstm']);
    expect(curves[0].points.map((p) => p.span)).toEqual([1, 3]);
    expect(curves[0].points[1].accuracy).toBeCloseTo(0.9, 10);
  });
});
