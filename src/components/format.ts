/** Fixed-point with a true minus sign, so columns of numbers line up and read well. */
export function formatNumber(value: number, digits = 4): string {
  if (!Number.isFinite(value)) return String(value);
  const text = Math.abs(value) >= 1e5 || (value !== 0 && Math.abs(value) < 10 ** -digits)
    ? value.toExponential(2)
    : value.toFixed(digits);
  return text.replace(/^-/, '−');
}
