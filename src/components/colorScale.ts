/**
 * A diverging, colour-blind-safe scale (ColorBrewer RdBu, reversed so that negative is blue and
 * positive is red), symmetric around zero.
 */
const STOPS: readonly [number, number, number][] = [
  [33, 102, 172],
  [103, 169, 207],
  [209, 229, 240],
  [247, 247, 247],
  [253, 219, 199],
  [239, 138, 98],
  [178, 24, 43],
];

/** Colour of `value` on a scale running from −limit (blue) through 0 (white) to +limit (red). */
export function divergingColor(value: number, limit: number): string {
  if (!Number.isFinite(value)) return 'rgb(0, 0, 0)';
  const unit = limit > 0 ? Math.max(-1, Math.min(1, value / limit)) : 0;
  const position = ((unit + 1) / 2) * (STOPS.length - 1);
  const low = Math.min(Math.floor(position), STOPS.length - 2);
  const fraction = position - low;
  const [r, g, b] = STOPS[low].map((c, k) => Math.round(c + (STOPS[low + 1][k] - c) * fraction));
  return `rgb(${r}, ${g}, ${b})`;
}

/** A CSS gradient showing the whole scale, for legends. */
export const DIVERGING_GRADIENT = `linear-gradient(to right, ${STOPS.map(([r, g, b]) => `rgb(${r}, ${g}, ${b})`).join(', ')})`;

/** The largest |value|, so the scale is symmetric; 1 for an all-zero grid. */
export function symmetricLimit(values: number[][]): number {
  let limit = 0;
  for (const row of values) for (const v of row) if (Number.isFinite(v)) limit = Math.max(limit, Math.abs(v));
  return limit || 1;
}
