/**
 * Colour scales that fit the quantity: a sequential scale for values in 0…1 (sigmoid gates: closed to
 * open), a diverging scale symmetric around zero for signed values (tanh outputs, states), and a
 * symmetric-log variant for gradients, whose sizes span many powers of ten.
 */
import type { ReaderMessage } from '../core/readerMessage';

type Rgb = readonly [number, number, number];

/** ColorBrewer RdBu, reversed so that negative is blue and positive is red; colour-blind-safe. */
const DIVERGING: readonly Rgb[] = [
  [33, 102, 172],
  [103, 169, 207],
  [209, 229, 240],
  [247, 247, 247],
  [253, 219, 199],
  [239, 138, 98],
  [178, 24, 43],
];

/** Viridis: perceptually even and colour-blind-safe; dark purple for a closed gate, yellow for an open one. */
const SEQUENTIAL: readonly Rgb[] = [
  [68, 1, 84],
  [71, 44, 122],
  [59, 81, 139],
  [44, 113, 142],
  [33, 144, 141],
  [39, 173, 129],
  [92, 200, 99],
  [170, 220, 50],
  [253, 231, 37],
];

/** The colour at `position` in 0…1 along `stops`, interpolated linearly. */
function along(stops: readonly Rgb[], position: number): string {
  const at = Math.max(0, Math.min(1, position)) * (stops.length - 1);
  const low = Math.min(Math.floor(at), stops.length - 2);
  const fraction = at - low;
  const [r, g, b] = stops[low].map((c, k) => Math.round(c + (stops[low + 1][k] - c) * fraction));
  return `rgb(${r}, ${g}, ${b})`;
}

const cssGradient = (stops: readonly Rgb[]) => `linear-gradient(to right, ${stops.map(([r, g, b]) => `rgb(${r}, ${g}, ${b})`).join(', ')})`;

/** The diverging scale as a CSS gradient, for legends drawn by hand. */
export const DIVERGING_GRADIENT = cssGradient(DIVERGING);

/** Colour of `value` on a scale running from −limit (blue) through 0 (white) to +limit (red). */
export function divergingColor(value: number, limit: number): string {
  if (!Number.isFinite(value)) return 'rgb(0, 0, 0)';
  return along(DIVERGING, limit > 0 ? (value / limit + 1) / 2 : 0.5);
}

/** Colour of `value` on the 0…1 scale of a sigmoid gate. */
export function sequentialColor(value: number): string {
  if (!Number.isFinite(value)) return 'rgb(0, 0, 0)';
  return along(SEQUENTIAL, value);
}

/**
 * Colour of `value` on a symmetric log scale: |value| from limit·10^−decades up to limit spread evenly,
 * smaller magnitudes white, the sign as hue. Shows a gradient that shrinks by powers of ten over time.
 */
export function symlogColor(value: number, limit: number, decades: number): string {
  if (!Number.isFinite(value)) return 'rgb(0, 0, 0)';
  if (value === 0 || limit <= 0) return along(DIVERGING, 0.5);
  const magnitude = Math.max(0, 1 + Math.log10(Math.abs(value) / limit) / decades);
  return along(DIVERGING, (Math.sign(value) * Math.min(1, magnitude) + 1) / 2);
}

/** How a figure maps its values to colour, and what its legend says. */
export interface ColorScale {
  kind: 'sequential' | 'diverging' | 'symlog';
  min: number;
  max: number;
  colorOf: (value: number) => string;
  /** a CSS gradient of the whole scale, for the legend */
  gradient: string;
  /** what the legend calls the scale, e.g. "sigmoid gate, 0 (closed) to 1 (open)" */
  /** what the scale shows, in words: the caller's own (already in the page's language), or a catalogue message */
  description: string | ReaderMessage;
}

/** Sigmoid gates: 0 (closed) to 1 (open). */
export const GATE_SCALE: ColorScale = {
  kind: 'sequential',
  min: 0,
  max: 1,
  colorOf: sequentialColor,
  gradient: cssGradient(SEQUENTIAL),
  description: { key: 'figure:scaleGate' },
};

/** Signed values on −limit…limit, white at zero; `description` names the quantity, e.g. "tanh output". */
export function divergingScale(limit: number, description: string | ReaderMessage): ColorScale {
  return { kind: 'diverging', min: -limit, max: limit, colorOf: (v) => divergingColor(v, limit), gradient: DIVERGING_GRADIENT, description };
}

/** Gradients on a symmetric log scale spanning `decades` powers of ten below `limit`. */
export function symlogScale(limit: number, decades = 4): ColorScale {
  return {
    kind: 'symlog',
    min: -limit,
    max: limit,
    colorOf: (v) => symlogColor(v, limit, decades),
    gradient: DIVERGING_GRADIENT,
    description: { key: 'figure:scaleGradientLog', values: { decades } },
  };
}

/** What range a quantity lives in, which decides its scale: σ gates, tanh outputs, unbounded states, gradients. */
export type QuantityRange = 'gate' | 'tanh' | 'unbounded' | 'gradient';

/**
 * The scale a quantity's heatmap should use: gates on 0…1, tanh outputs on −1…1, states and gradients
 * symmetric around zero out to their largest |value|, gradients optionally on a log scale.
 */
export function scaleForRange(range: QuantityRange, values: number[][], log = false): ColorScale {
  if (range === 'gate') return GATE_SCALE;
  if (range === 'tanh') return divergingScale(1, { key: 'figure:scaleTanh' });
  const limit = symmetricLimit(values);
  if (range === 'gradient') return log ? symlogScale(limit) : divergingScale(limit, { key: 'figure:scaleGradientSymmetric' });
  return divergingScale(limit, { key: 'figure:scaleSymmetric' });
}

/** The largest |value|, so the scale is symmetric; 1 for an all-zero grid. */
export function symmetricLimit(values: number[][]): number {
  let limit = 0;
  for (const row of values) for (const v of row) if (Number.isFinite(v)) limit = Math.max(limit, Math.abs(v));
  return limit || 1;
}
