import { describe, expect, it } from 'vitest';
import { scrollToShow, stepSpan, unrolledLayout, type GraphColumn, type GraphWire } from '../../../src/components/unrolledLayout';

const wire = (id: string, size = 3, extra: Partial<GraphWire> = {}): GraphWire => ({ id, label: id, name: id, values: null, size, ...extra });
const column = (t: number, cut = false): GraphColumn => ({
  top: wire(`h-${t}`),
  bottom: wire(`x-${t}`, 2),
  inner: [wire(`a-${t}`)],
  links: [wire(`h-link-${t}`, 3, { cut })],
});
const columns = (T: number) => Array.from({ length: T }, (_, t) => column(t));

describe('unrolledLayout', () => {
  it('gives every step one column of the same width, the initial state on the left', () => {
    const layout = unrolledLayout(columns(4), [wire('h-init')], 'forward');
    expect(layout.columns.map((c) => c.cell.x)).toEqual([60, 224, 388, 552]);
    expect(layout.width).toBe(60 + 4 * 164);
    expect(layout.initial[0].line.x2).toBe(60);
    // Cells line up vertically, inside the picture.
    const { cell } = layout.columns[2];
    expect(cell.y).toBeGreaterThan(0);
    expect(cell.y + cell.height).toBeLessThan(layout.height);
  });

  it('draws lines the way values flow: forward up and right, backward down and left', () => {
    const forward = unrolledLayout(columns(2), [wire('h-init')], 'forward').columns[0];
    expect(forward.top.line.y2).toBeLessThan(forward.top.line.y1);
    expect(forward.bottom.line.y2).toBeLessThan(forward.bottom.line.y1);
    expect(forward.links[0].line.x2).toBeGreaterThan(forward.links[0].line.x1);
    const backward = unrolledLayout(columns(2), [wire('h-init')], 'backward').columns[0];
    expect(backward.top.line.y2).toBeGreaterThan(backward.top.line.y1);
    expect(backward.links[0].line.x2).toBeLessThan(backward.links[0].line.x1);
  });

  it('reads the wires in order: initial state, then input, inside, output and state of each step', () => {
    const layout = unrolledLayout(columns(2), [wire('c-init'), wire('h-init')], 'forward');
    expect(layout.order.map((w) => w.id)).toEqual(['c-init', 'h-init', 'x-0', 'a-0', 'h-0', 'h-link-0', 'x-1', 'a-1', 'h-1', 'h-link-1']);
  });

  it('puts scissors only on wires truncation cuts, halfway along', () => {
    const layout = unrolledLayout([column(0, true), column(1)], [wire('h-init')], 'backward');
    const [cut, whole] = [layout.columns[0].links[0], layout.columns[1].links[0]];
    expect(cut.cutMark?.x).toBe((cut.line.x1 + cut.line.x2) / 2);
    expect(whole.cutMark).toBeUndefined();
  });

  it('makes room for taller chips: a longer vector moves the cell down', () => {
    const short = unrolledLayout(columns(1), [wire('h-init')], 'forward');
    const tall = unrolledLayout([{ ...column(0), top: wire('h-0', 16) }], [wire('h-init')], 'forward');
    expect(tall.columns[0].cell.y).toBeGreaterThan(short.columns[0].cell.y);
  });
});

describe('keeping the active step in view', () => {
  it('spans a step with the wires on both sides; step 1 with the initial state', () => {
    expect(stepSpan(0).left).toBe(0);
    expect(stepSpan(3)).toEqual({ left: 60 + 3 * 164 - 12, right: 60 + 4 * 164 });
  });

  it('scrolls as little as possible, and not at all when the step is already in view', () => {
    expect(scrollToShow({ left: 100, right: 300 }, 50, 400)).toBe(50);
    expect(scrollToShow({ left: 500, right: 700 }, 0, 400)).toBe(300);
    expect(scrollToShow({ left: 100, right: 300 }, 200, 400)).toBe(100);
    // Wider than the viewport: its left edge first.
    expect(scrollToShow({ left: 500, right: 1000 }, 0, 300)).toBe(500);
  });
});
