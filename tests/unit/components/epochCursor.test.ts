import { describe, expect, it } from 'vitest';
import { pickEpoch, scrollToShow, shownEpoch } from '../../../src/widgets/HelloTrainer/epochCursor';

const events = [1, 2, 3, 4].map((epoch) => ({ epoch, loss: 1 / epoch }));

describe("the hello trainer's epoch cursor", () => {
  it('shows the hovered epoch, else the picked one, else the latest', () => {
    expect(shownEpoch(events, null, null)?.epoch).toBe(4);
    expect(shownEpoch(events, 2, null)?.epoch).toBe(2);
    expect(shownEpoch(events, 2, 3)?.epoch).toBe(3);
    // An epoch that is not there (a pick from a run since reset, a hover past the data) falls through.
    expect(shownEpoch(events, 9, 7)?.epoch).toBe(4);
    expect(shownEpoch([], 2, null)).toBeUndefined();
  });

  it('follows training when the reader picks the latest epoch, and stays put on any earlier one', () => {
    expect(pickEpoch(4, 4)).toBeNull();
    expect(pickEpoch(2, 4)).toBe(2);
    expect(pickEpoch(1, undefined)).toBeNull();
  });

  it('scrolls the prediction list only as far as the shown epoch needs', () => {
    const list = { scrollTop: 100, height: 200 };
    expect(scrollToShow({ top: 150, height: 20 }, list)).toBe(100);
    expect(scrollToShow({ top: 40, height: 20 }, list)).toBe(40);
    expect(scrollToShow({ top: 330, height: 20 }, list)).toBe(150);
  });
});
