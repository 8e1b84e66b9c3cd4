/**
 * The playground's words for lists and for what a sweep shows: the engine reads the runs into findings
 * (`readSweep`), and this puts each finding into a sentence of the page's language.
 */
import type { TFunction } from 'i18next';
import { formatDecimals } from '../../components/format';
import type { CellChoice, SpanSetting, SweepFinding } from '../../core/tasks';

type T = TFunction<'sequencePlayground'>;

/** "a, b and c" in the page's language. */
export function listed(items: readonly string[], t: T): string {
  return items.length < 2 ? (items[0] ?? '') : `${items.slice(0, -1).join(t('listComma'))}${t('listAnd')}${items.at(-1)}`;
}

/** An accuracy or chance level as the figure prints it everywhere: two decimals. */
export const accuracyText = (value: number) => formatDecimals(value, 2);

/** One finding as a sentence; `span` is the setting the sweep turned, `cellName` a cell's name for readers. */
function sentence(finding: SweepFinding, span: string, t: T, cellName: (cell: CellChoice) => string): string {
  switch (finding.kind) {
    case 'learnedEverywhere':
      return t('readingLearnedEverywhere', { span, upTo: finding.upTo, threshold: finding.threshold });
    case 'learnedUpTo':
      return t('readingLearnedUpTo', { span, upTo: finding.upTo, threshold: finding.threshold });
    case 'cellsDiffer': {
      const scores = finding.scores.map(({ cell, accuracy }, k) => t(k === 0 ? 'readingFirstScore' : 'readingScore', { cell: cellName(cell), accuracy: accuracyText(accuracy) }));
      const best = finding.best.map((cell) => t('readingBestCell', { cell: cellName(cell) }));
      return t('readingCellsDiffer', { span, at: finding.at, scores: listed(scores, t), best: listed(best, t) });
    }
    case 'cellsClose':
      return t('readingCellsClose', { span, at: finding.at, within: finding.within, about: accuracyText(finding.about) });
    case 'chanceEverywhere':
      return t('readingChanceEverywhere', { span, chance: accuracyText(finding.chance) });
    case 'chanceFrom':
      return t('readingChanceFrom', { span, from: finding.from, chance: accuracyText(finding.chance) });
  }
}

/**
 * What a sweep shows, in sentences: the findings of `readSweep` in the page's language; an empty string
 * while there is nothing to read.
 * @param span the setting the sweep turned: the echo's delay, or the length
 * @param cellName a cell's name in the page's language
 */
export function sweepReadingText(findings: readonly SweepFinding[], span: SpanSetting, t: T, cellName: (cell: CellChoice) => string): string {
  const spanName = t(`span_${span}` as const);
  // English puts a space between sentences, Chinese none: the catalogue says how one follows another.
  const sentences = findings.map((finding) => sentence(finding, spanName, t, cellName));
  return sentences.length === 0 ? '' : sentences.reduce((text, next) => t('nextSentence', { text, next }));
}
