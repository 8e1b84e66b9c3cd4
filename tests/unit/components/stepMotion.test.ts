import { describe, expect, it } from 'vitest';
import { MOTION_MS, movesWithFlow, stepMotion, type Glow, type Pulse } from '../../../src/components/stepMotion';
import { unrolledLayout, type GraphColumn, type GraphWire } from '../../../src/components/unrolledLayout';

const wire = (id: string, extra: Partial<GraphWire> = {}): GraphWire => ({ id, label: id, name: id, values: null, size: 3, ...extra });
const lstmColumn = (t: number, cut = false): GraphColumn => ({
  top: wire(`h-${t}`),
  bottom: wire(`x-${t}`),
  inner: ['i', 'f', 'g', 'o'].map((g) => wire(`${g}-${t}`)),
  links: [wire(`c-${t}`, { cut }), wire(`h-link-${t}`, { cut })],
});
const initial = [wire('c-init'), wire('h-init')];
const pulses = (parts: ReturnType<typeof stepMotion>) => parts.filter((p): p is Pulse => p.kind === 'pulse');
const glows = (parts: ReturnType<typeof stepMotion>) => parts.filter((p): p is Glow => p.kind === 'glow');
const end = (p: Pulse | Glow) => p.delay + p.duration;

describe('stepMotion', () => {
  const forward = unrolledLayout([lstmColumn(0), lstmColumn(1), lstmColumn(2)], initial, 'forward');

  it('forward: x_t and the state enter together, the gates light in order, then h_t leaves', () => {
    const parts = stepMotion(forward, 1, 'forward');
    const entering = pulses(parts).filter((p) => p.delay === 0).map((p) => p.wireId);
    expect(entering).toEqual(['x-1', 'c-0', 'h-link-0']);
    expect(glows(parts).map((g) => g.wireId)).toEqual(['i-1', 'f-1', 'g-1', 'o-1']);
    const delays = glows(parts).map((g) => g.delay);
    expect([...delays].sort((a, b) => a - b)).toEqual(delays);
    const leaving = pulses(parts).filter((p) => p.delay > 0);
    expect(leaving.map((p) => p.wireId)).toEqual(['h-1', 'c-1', 'h-link-1']);
    expect(Math.min(...leaving.map((p) => p.delay))).toBeGreaterThanOrEqual(Math.max(...pulses(parts).filter((p) => p.delay === 0).map(end)));
  });

  it('step 1 takes its state from h₀ and c₀', () => {
    expect(pulses(stepMotion(forward, 0, 'forward')).filter((p) => p.delay === 0).map((p) => p.wireId)).toEqual(['x-0', 'c-init', 'h-init']);
  });

  it('lasts about a third of a second', () => {
    for (const t of [0, 1, 2]) expect(Math.max(...stepMotion(forward, t, 'forward').map(end))).toBeLessThanOrEqual(MOTION_MS);
  });

  it('backward: the gradient arrives from the output and from step t + 1, then splits to x_t and h_{t−1}', () => {
    const backward = unrolledLayout([lstmColumn(0), lstmColumn(1), lstmColumn(2)], initial, 'backward');
    const parts = stepMotion(backward, 1, 'backward');
    expect(pulses(parts).filter((p) => p.delay === 0).map((p) => p.wireId)).toEqual(['h-1', 'c-1', 'h-link-1']);
    expect(pulses(parts).filter((p) => p.delay > 0).map((p) => p.wireId)).toEqual(['x-1', 'c-0', 'h-link-0']);
    // Leftward: each dot ends to the left of where it starts.
    for (const p of pulses(parts).filter((q) => q.wireId.includes('link'))) expect(p.to.x).toBeLessThan(p.from.x);
  });

  it('stops a gradient at the scissors where truncation cuts it', () => {
    const backward = unrolledLayout([lstmColumn(0, true), lstmColumn(1)], initial, 'backward');
    const leaving = pulses(stepMotion(backward, 1, 'backward')).find((p) => p.wireId === 'h-link-0')!;
    const link = backward.columns[0].links[1];
    expect(leaving.stopped).toBe(true);
    expect(leaving.to.x).toBe(link.cutMark!.x);
  });

  it('plays only when the step moves the way values flow', () => {
    expect(movesWithFlow(null, 0, 'forward')).toBe(true);
    expect(movesWithFlow(1, 2, 'forward')).toBe(true);
    expect(movesWithFlow(2, 1, 'forward')).toBe(false);
    expect(movesWithFlow(null, 4, 'backward')).toBe(true);
    expect(movesWithFlow(4, 3, 'backward')).toBe(true);
    expect(movesWithFlow(3, 4, 'backward')).toBe(false);
    expect(movesWithFlow(3, null, 'forward')).toBe(false);
  });
});
