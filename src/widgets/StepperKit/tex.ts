/**
 * LaTeX for equations with the current numbers substituted. Every number is wrapped in \htmlData carrying
 * its full-precision value, which `Equation` turns into a title, so hovering a rounded number shows it whole.
 */

/** A number as LaTeX, rounded to `digits` decimals, with its full value attached. */
export function texNumber(value: number, digits = 4): string {
  let shown: string;
  if (!Number.isFinite(value)) shown = `\\text{${value}}`;
  else if (value !== 0 && (Math.abs(value) >= 1e5 || Math.abs(value) < 10 ** -digits)) {
    const [mantissa, exponent] = value.toExponential(2).split('e');
    shown = `${mantissa}{\\times}10^{${Number(exponent)}}`;
  } else shown = value.toFixed(digits);
  return `\\htmlData{full=${value}}{${shown}}`;
}

/** Long vectors show their first three entries and their last: enough to follow, short enough to read. */
const LONG = 6;

/** A row vector (PyTorch's layout: one sequence, batch 1) as a bracketed row. */
export function texRow(values: readonly number[], digits = 4): string {
  const entries =
    values.length > LONG
      ? [...values.slice(0, 3).map((v) => texNumber(v, digits)), '\\cdots', texNumber(values[values.length - 1], digits)]
      : values.map((v) => texNumber(v, digits));
  return `\\begin{bmatrix}${entries.join(' & ')}\\end{bmatrix}`;
}

/** A value the reader typed (a weight, an input): as short as it is, up to four decimals. */
export function texGiven(value: number): string {
  return `\\htmlData{full=${value}}{${Number.isFinite(value) ? String(Number(value.toFixed(4))) : `\\text{${value}}`}}`;
}

/** A matrix of given values, e.g. the worked example's weights. */
export function texGivenMatrix(values: readonly (readonly number[])[]): string {
  return `\\begin{bmatrix}${values.map((row) => row.map(texGiven).join(' & ')).join(' \\\\ ')}\\end{bmatrix}`;
}

/**
 * `tex` marked as the term `term` (e.g. "h_prev"), so pointing at it lights the wires and boxes that show
 * the same term, and the other way round. Terms never span an alignment `&`.
 */
export function texTerm(term: string, tex: string): string {
  return `\\htmlData{term=${term}}{${tex}}`;
}
