import { describe, expect, it } from 'vitest';
import { formatDecimals, formatNumber, parseReaderNumber, powerOfTen } from '../../../src/components/format';

describe('formatNumber', () => {
  it('shows four significant digits, keeping trailing zeros so columns line up', () => {
    expect(formatNumber(0.6000000238418579)).toBe('0.6000');
    expect(formatNumber(-12.3456)).toBe('−12.35');
    expect(formatNumber(1)).toBe('1.000');
    expect(formatNumber(1234.4)).toBe('1234');
    expect(formatNumber(0.00123456)).toBe('0.001235');
    expect(formatNumber(0)).toBe('0');
  });

  it('rounds before choosing the exponent, and uses a power of ten beyond the digits', () => {
    expect(formatNumber(9.99996)).toBe('10.00');
    expect(formatNumber(99999)).toBe('1.000 × 10⁵');
    expect(formatNumber(12345)).toBe('1.235 × 10⁴');
    expect(formatNumber(-2.5544e-35)).toBe('−2.554 × 10⁻³⁵');
    expect(formatNumber(0.000123456, 3)).toBe('1.23 × 10⁻⁴');
  });

  it('names what is not a number', () => {
    expect(formatNumber(NaN)).toBe('NaN');
    expect(formatNumber(Infinity)).toBe('∞');
    expect(formatNumber(-Infinity)).toBe('−∞');
  });

  it('formats fixed decimals and powers of ten', () => {
    expect(formatDecimals(-0.5370501, 6)).toBe('−0.537050');
    expect(powerOfTen(-12)).toBe('10⁻¹²');
    expect(powerOfTen(3)).toBe('10³');
  });

  it('reads back what it wrote when the reader types it', () => {
    expect(parseReaderNumber(formatNumber(-0.25))).toBe(-0.25);
  });
});
