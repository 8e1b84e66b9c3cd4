/** Fixed-point with a true minus sign, so columns of numbers line up and read well. */
export function formatNumber(value: number, digits = 4): string {
  if (!Number.isFinite(value)) return String(value);
  const text = Math.abs(value) >= 1e5 || (value !== 0 && Math.abs(value) < 10 ** -digits)
    ? value.toExponential(2)
    : value.toFixed(digits);
  return text.replace(/^-/, '−');
}

/**
 * A number as a reader types it: "1,664", "1 664", "−0.5", "0,5", "1/2", "2.5e-3" or "50%". Returns NaN
 * for anything else. A comma is a thousands separator when it splits groups of three digits ("1,664"),
 * otherwise a decimal comma ("0,5").
 */
export function parseReaderNumber(typed: string): number {
  const text = typed.replace(/[\s\u00a0\u2009\u202f']/g, '').replace(/[−–]/g, '-');
  const fraction = /^(-?[\d.,]+)\/(-?[\d.,]+)$/.exec(text);
  if (fraction) return parseReaderNumber(fraction[1]) / parseReaderNumber(fraction[2]);
  if (text.endsWith('%')) return parseReaderNumber(text.slice(0, -1)) / 100;
  const plain = /^-?\d{1,3}(,\d{3})+(\.\d+)?$/.test(text) ? text.replace(/,/g, '') : text.replace(/^(-?\d*),(\d+)$/, '$1.$2');
  return /^[-+]?(\d+\.?\d*|\.\d+)(e[-+]?\d+)?$/i.test(plain) ? Number(plain) : NaN;
}
