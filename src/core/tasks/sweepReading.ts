/**
 * What a finished (or partly finished) sweep shows, read from its own numbers: the accuracy-against-span
 * curve of each cell, and a few findings that say where every cell still remembers, where the cells
 * differ most, and from where every cell is at chance (the figure words them). Nothing here is a claim made
 * in advance: change the runs and the findings change.
 */
import { summarize, type CellChoice, type SweepRun } from './sweep';

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

/** One thing a sweep's numbers say, as plain values; the figure puts it into words. */
export type SweepFinding =
  /** every cell scored at least `threshold` at every span tried, the longest being `upTo` */
  | { kind: 'learnedEverywhere'; upTo: number; threshold: number }
  /** every cell scored at least `threshold` at every span up to `upTo` */
  | { kind: 'learnedUpTo'; upTo: number; threshold: number }
  /** at span `at` the cells differed most: each one's score, in the sweep's order, and those as good as the best */
  | { kind: 'cellsDiffer'; at: number; scores: { cell: CellChoice; accuracy: number }[]; best: CellChoice[] }
  /** at span `at`, where not every cell learned the task, the cells scored within `within` of each other, about `about` */
  | { kind: 'cellsClose'; at: number; within: number; about: number }
  /** every cell was at the chance level `chance` at every span tried */
  | { kind: 'chanceEverywhere'; chance: number }
  /** every cell was at the chance level `chance` from span `from` on */
  | { kind: 'chanceFrom'; from: number; chance: number };

/**
 * What the sweep shows: up to which span every cell learned the task, the span where the cells differed
 * most (each cell's score there, and which did best), and from which span on every cell was at chance.
 * Only spans every cell has finished at are read; nothing before there is anything to read.
 * @param chance the accuracy of a network that learned nothing (the task's `chanceAccuracy`)
 */
export function readSweep(runs: readonly SweepRun[], cells: readonly CellChoice[], chance: number): SweepFinding[] {
  const curves = sweepCurves(runs, cells);
  if (curves.length === 0) return [];
  // Spans where every cell of the sweep has a score, so that every finding compares like with like.
  const complete = curves[0].points
    .map((p) => p.span)
    .filter((s) => curves.length === cells.length && curves.every((c) => c.points.some((p) => p.span === s)));
  if (complete.length === 0) return [];
  const at = (curve: SweepCurve, s: number) => curve.points.find((p) => p.span === s)!.accuracy;
  const findings: SweepFinding[] = [];

  const learned = complete.filter((s) => curves.every((c) => at(c, s) >= LEARNED));
  const firstUnlearned = complete.find((s) => !learned.includes(s));
  const learnedUpTo = firstUnlearned === undefined ? complete.at(-1)! : complete.filter((s) => s < firstUnlearned).at(-1);
  if (learnedUpTo !== undefined) findings.push({ kind: firstUnlearned === undefined ? 'learnedEverywhere' : 'learnedUpTo', upTo: learnedUpTo, threshold: LEARNED });

  const chanceFrom = complete.find((s) => complete.filter((later) => later >= s).every((later) => curves.every((c) => at(c, later) <= chance + AT_CHANCE)));

  // The span, short of where all are at chance, at which the cells are furthest apart.
  const spread = (s: number) => Math.max(...curves.map((c) => at(c, s))) - Math.min(...curves.map((c) => at(c, s)));
  const contested = complete.filter((s) => chanceFrom === undefined || s < chanceFrom).sort((a, b) => spread(b) - spread(a) || a - b)[0];
  if (contested !== undefined && spread(contested) >= DIFFERENT) {
    const best = Math.max(...curves.map((c) => at(c, contested)));
    findings.push({
      kind: 'cellsDiffer',
      at: contested,
      scores: curves.map((c) => ({ cell: c.cell, accuracy: at(c, contested) })),
      best: curves.filter((c) => best - at(c, contested) < DIFFERENT).map((c) => c.cell),
    });
  } else if (contested !== undefined && !learned.includes(contested)) {
    findings.push({ kind: 'cellsClose', at: contested, within: DIFFERENT, about: at(curves[0], contested) });
  }

  if (chanceFrom !== undefined) findings.push(chanceFrom === complete[0] ? { kind: 'chanceEverywhere', chance } : { kind: 'chanceFrom', from: chanceFrom, chance });
  return findings;
}
