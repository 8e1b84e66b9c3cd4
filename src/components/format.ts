const SUPERSCRIPTS: Record<string, string> = { '-': '⁻', '0': '⁰', '1': '¹', '2': '²', '3': '³', '4': '⁴', '5': '⁵', '6': '⁶', '7': '⁷', '8': '⁸', '9': '⁹' };

/** 10 to an integer power as a reader writes it: "10⁻⁵". */
export const powerOfTen = (exponent: number): string => `10${String(exponent).replace(/./g, (c) => SUPERSCRIPTS[c] ?? c)}`;

/** A true minus sign: "−0.5" reads better than "-0.5" and is as wide as a digit in tabular figures. */
const trueMinus = (text: string) => text.replace(/^-/, '−');

/**
 * `value` rounded to `significant` digits, as a person reads it: "0.6000", "−12.35", "1.235 × 10⁻⁵".
 * Numbers too large or small to show in as many digits get a power of ten. Trailing zeros stay, so a
 * column of numbers has one width.
 */
export function formatNumber(value: number, significant = 4): string {
  if (Number.isNaN(value)) return 'NaN';
  if (!Number.isFinite(value)) return value > 0 ? '∞' : '−∞';
  if (value === 0) return '0';
  // Round first: 9.99996 becomes 10.00, whose exponent is 1, not 0.
  const rounded = Number(value.toPrecision(significant));
  const exponent = Math.floor(Math.log10(Math.abs(rounded)));
  if (exponent >= significant || exponent < -3) {
    const mantissa = rounded / 10 ** exponent;
    return `${trueMinus(mantissa.toFixed(significant - 1))} × ${powerOfTen(exponent)}`;
  }
  return trueMinus(rounded.toFixed(Math.max(0, significant - 1 - exponent)));
}

/** Fixed-point to `decimals` places with a true minus sign, for a table compared digit by digit with printed notes. */
export function formatDecimals(value: number, decimals: number): string {
  return Number.isFinite(value) ? trueMinus(value.toFixed(decimals)) : formatNumber(value);
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
