/** Answers are read the way readers write numbers, including the way the book itself prints them. */
import { describe, expect, it } from 'vitest';
import { judge } from '../../../src/components/Exercise';
import { parseReaderNumber } from '../../../src/components/format';

describe('parseReaderNumber', () => {
  it.each([
    ['1664', 1664],
    ['1,664', 1664],
    ['1 664', 1664],
    ['1\u202f664', 1664],
    ['12,345,678.5', 12345678.5],
    ['−0.5', -0.5],
    ['-0.5', -0.5],
    ['0,5', 0.5],
    ['1,66', 1.66],
    ['1/2', 0.5],
    ['−3/4', -0.75],
    ['2.5e-3', 0.0025],
    ['50%', 0.5],
    ['.25', 0.25],
  ])('%s → %d', (typed, want) => expect(parseReaderNumber(typed)).toBeCloseTo(want, 12));

  it.each(['', 'abc', '1..2', '1/', '--1', '1 2 3 x'])('%s is not a number', (typed) => expect(parseReaderNumber(typed)).toBeNaN());
});

describe('judge', () => {
  it('accepts separators and fractions the book itself uses', () => {
    expect(judge('1,664', 1664, 0)).toBe(true);
    expect(judge('1 664', 1664, 0)).toBe(true);
    expect(judge('1/2', 0.5, 1e-9)).toBe(true);
    expect(judge('1,665', 1664, 0)).toBe(false);
    expect(judge('  ', 1664, 0)).toBeNull();
  });
});
