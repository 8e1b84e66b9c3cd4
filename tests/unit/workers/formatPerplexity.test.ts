import { describe, expect, it } from 'vitest';
import { formatPerplexity } from '../../../src/widgets/CharLM/formatPerplexity';

describe('perplexity on the progress line', () => {
  it('reads as a number, however large', () => {
    expect(formatPerplexity(12.345)).toBe('12.35');
    expect(formatPerplexity(Math.exp(300))).toBe('1.942 × 10¹³⁰');
    expect(formatPerplexity(Math.exp(800))).toBe('> 10³⁰⁸');
  });
});
