import { describe, expect, it } from 'vitest';
import type { Series } from '../../../src/components/chartSeries';
import { chartGeometry, nearestX, thinToColumns } from '../../../src/components/liveChartGeometry';

const box = { left: 64, top: 10, width: 400, height: 120 };
const line = (points: [number, number][], extra: Partial<Series> = {}): Series => ({ name: 'loss', points: points.map(([x, y]) => ({ x, y })), ...extra });
/** The path's points as numbers, [[x, y], …]. */
const pathPoints = (path: string) => [...path.matchAll(/[ML]([\d.-]+) ([\d.-]+)/g)].map((m) => [Number(m[1]), Number(m[2])]);

describe('the live chart’s geometry', () => {
  it('maps the data’s x range onto the plot’s width and y from 0 to a round number onto its height', () => {
    const { x, y, paths } = chartGeometry([line([[1, 2.3], [51, 1.1], [101, 0.4]])], box, { chartHeight: 220 });
    expect(x.ticks[0]).toBe(1);
    expect(x.ticks.at(-1)).toBe(101);
    expect(y.ticks).toEqual([0, 1, 2, 3]);
    expect(pathPoints(paths[0])).toEqual([[64, 10 + 120 - (2.3 / 3) * 120], [264, 10 + 120 - (1.1 / 3) * 120], [464, 10 + 120 - (0.4 / 3) * 120]].map(([a, b]) => [a, +b.toFixed(1)]));
    expect(x.fromPixel(264)).toBeCloseTo(51);
  });

  it('puts a log axis on powers of ten and leaves out what it cannot place', () => {
    const { y, paths, log } = chartGeometry([line([[0, 28], [10, 9], [20, 0], [30, Number.POSITIVE_INFINITY], [40, 3.2]])], box, { logY: true, chartHeight: 220 });
    expect(log).toBe(true);
    expect(y.ticks).toEqual([1, 10, 100]);
    expect(pathPoints(paths[0]).map(([px]) => px)).toEqual([64, 164, 464]);
    expect(y.toPixel(10)).toBeCloseTo(box.top + box.height / 2);
  });

  it('keeps a fixed range, whole-number ticks for whole-number x, and draws nothing for no data', () => {
    const { x, y } = chartGeometry([line([[1, 0.5], [2, 0.9], [3, 1]])], box, { yRange: [0, 1], chartHeight: 220 });
    expect(y.ticks).toEqual([0, 0.2, 0.4, 0.6, 0.8, 1]);
    expect(x.ticks.every(Number.isInteger)).toBe(true);
    const empty = chartGeometry([line([])], box, { chartHeight: 220 });
    expect(empty.paths).toEqual(['']);
    expect(empty.x.ticks).toEqual([]);
  });

  it('keeps at most two points a pixel column, with the spread of each, the first and the newest', () => {
    const noisy = Array.from({ length: 100_000 }, (_, k) => ({ x: k, y: k % 7 === 0 ? 10 : 1 }));
    const toPixel = (v: number) => (v / 100_000) * 400;
    const kept = thinToColumns(noisy, toPixel);
    expect(kept.length).toBeLessThanOrEqual(2 * 402);
    expect(kept[0]).toBe(noisy[0]);
    expect(kept.at(-1)).toBe(noisy.at(-1));
    expect(Math.max(...kept.map((p) => p.y))).toBe(10);
    expect(Math.min(...kept.map((p) => p.y))).toBe(1);
    kept.slice(1).forEach((p, k) => expect(p.x).toBeGreaterThan(kept[k].x));
    const short = Array.from({ length: 50 }, (_, k) => ({ x: k * 2000, y: 1 }));
    expect(thinToColumns(short, toPixel)).toBe(short);
  });

  it('finds the data point nearest the pointer', () => {
    const series = [line([[0, 1], [10, 2], [20, 3]]), line([[15, 1]], { name: 'other' })];
    expect(nearestX(series, 13.9)).toBe(15);
    expect(nearestX(series, 4)).toBe(0);
    expect(nearestX([], 4)).toBeNull();
  });
});
