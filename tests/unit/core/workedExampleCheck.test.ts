/** The worked example's live numbers against the notes', entry by entry. */
import { describe, expect, it } from 'vitest';
import { WORKED_EXAMPLE_EXPECTED } from '../../../src/core/figures/workedExample';
import { compareWithNotes } from '../../../src/core/figures/workedExampleCheck';

describe('worked example against the notes', () => {
  it('ticks the notes’ own numbers and nothing before it is computed', () => {
    const all = compareWithNotes(WORKED_EXAMPLE_EXPECTED.states, WORKED_EXAMPLE_EXPECTED.outputs);
    expect(all.map((e) => e.label)).toEqual(['h₁[0]', 'h₁[1]', 'o₁', 'h₂[0]', 'h₂[1]', 'o₂']);
    expect(all.every((e) => e.agrees)).toBe(true);
    const first = compareWithNotes([[0.53704957, 0.4621]], [[1.56128388]]);
    expect(first.map((e) => e.agrees)).toEqual([true, false, true, false, false, false]);
    expect(first[3].live).toBeNull();
  });
});
