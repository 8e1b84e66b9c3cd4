/**
 * What a finished (or partly finished) sweep shows, read from its own numbers: the accuracy-against-span
 * curve of each cell, and a few sentences that say where every cell still remembers, where the cells
 * differ most, and from where every cell is at chance. Nothing here is a claim made in advance: change
 * the runs and the sentences change.
 */
import { CELL_CHOICES, summarize, type CellChoice, type SweepRun } from './sweep';
import type { SpanSetting } from './types';

/** Accuracy this close to 1 counts as having learned the task at that span. */
const LEARNED = 0.95;
/** Accuracy within this of the chance level counts as having learned nothing. */
const AT_CHANCE = 0.05;
/** Cells closer than this at a span are not told apart. */
const DIFFERENT = 0.05;

/** One cell's mean accuracy over seeds at every span it has runs for, in span order. */
export interface SweepCurve {
  cell: CellChoice;
  points: { span: number; accuracy: number }[];
}

/** The mean curve of every cell that has at least one finished run, in the order `cells` lists them. */
export function sweepCurves(runs: readonly SweepRun[], cells: readonly CellChoice[]): SweepCurve[] {
  const spans = [...new Set(runs.map((r) => r.span))].sort((a, b) => a - b);
  return cells
    .map((cell) => ({
      cell,
      points: spans.flatMap((span) => {
        const summary = summarize(runs, span, cell);
        return summary ? [{ span, accuracy: summary.mean }] : [];
      }),
    }))
    .filter((curve) => curve.points.length > 0);
}

const two = (value: number) => value.toFixed(2);
const label = (cell: CellChoice) => CELL_CHOICES[cell].label;

/** "a, b and c" */
function list(items: string[]): string {
  return items.length < 2 ? (items[0] ?? '') : `${items.slice(0, -1).join(', ')} and ${items[items.length - 1]}`;
}

/**
 * Sentences reading the sweep: up to which span every cell learned the task, the span where the cells
 * differed most (each cell's score there, and which did best), and from which span on every cell was at
 * chance. Only spans every cell has finished at are read; an empty string before there is anything to read.
 * @param span what the span is called for the task: `delay` (echo) or `length`
 * @param chance the accuracy of a network that learned nothing (the task's `chanceAccuracy`)
 */
export function readSweep(runs: readonly SweepRun[], cells: readonly CellChoice[], span: SpanSetting, chance: number): string {
  const curves = sweepCurves(runs, cells);
  if (curves.length === 0) return '';
  // Spans where every cell of the sweep has a score, so that every sentence compares like with like.
  const complete = curves[0].points
    .map((p) => p.span)
    .filter((s) => curves.length === cells.length && curves.every((c) => c.points.some((p) => p.span === s)));
  if (complete.length === 0) return '';
  const at = (curve: SweepCurve, s: number) => curve.points.find((p) => p.span === s)!.accuracy;
  const sentences: string[] = [];

  const learned = complete.filter((s) => curves.every((c) => at(c, s) >= LEARNED));
  const firstUnlearned = complete.find((s) => !learned.includes(s));
  const learnedUpTo = firstUnlearned === undefined ? complete.at(-1)! : complete.filter((s) => s < firstUnlearned).at(-1);
  if (learnedUpTo !== undefined) {
    sentences.push(
      firstUnlearned === undefined
        ? `At every ${span} tried (up to ${learnedUpTo}) every cell scored at least ${LEARNED}.`
        : `Up to ${span} ${learnedUpTo} every cell scored at least ${LEARNED}.`,
    );
  }

  const chanceFrom = complete.find((s) => complete.filter((later) => later >= s).every((later) => curves.every((c) => at(c, later) <= chance + AT_CHANCE)));

  // The span, short of where all are at chance, at which the cells are furthest apart.
  const spread = (s: number) => Math.max(...curves.map((c) => at(c, s))) - Math.min(...curves.map((c) => at(c, s)));
  const contested = complete.filter((s) => chanceFrom === undefined || s < chanceFrom).sort((a, b) => spread(b) - spread(a) || a - b)[0];
  if (contested !== undefined && spread(contested) >= DIFFERENT) {
    const scores = curves.map((c, k) => `the ${label(c.cell)} ${k === 0 ? 'scored ' : ''}${two(at(c, contested))}`);
    const best = Math.max(...curves.map((c) => at(c, contested)));
    const leaders = curves.filter((c) => best - at(c, contested) < DIFFERENT).map((c) => `the ${label(c.cell)}`);
    sentences.push(`At ${span} ${contested} ${list(scores)}: ${list(leaders)} did best.`);
  } else if (contested !== undefined && !learned.includes(contested)) {
    sentences.push(`At ${span} ${contested} the cells scored within ${DIFFERENT} of each other (about ${two(at(curves[0], contested))}).`);
  }

  if (chanceFrom !== undefined) {
    sentences.push(
      chanceFrom === complete[0]
        ? `At every ${span} tried every cell is at chance (${two(chance)}): nothing was learned in this budget.`
        : `From ${span} ${chanceFrom} on every cell is at chance (${two(chance)}).`,
    );
  }
  return sentences.join(' ');
}
