/** Where to put axis ticks so that their labels never overlap. */

const NICE_STEPS = [1, 2, 5, 10, 20, 50, 100, 200, 500, 1000];

/**
 * Indices 0…count−1 to label along a heatmap edge, `pixels` apart each, so that labels sit at least
 * `spacing` pixels apart: every index counted from `first` that is a multiple of a nice step, plus the
 * first index (t = 1, unit 0) so the reader sees where counting starts.
 */
export function indexTicks(count: number, pixels: number, spacing: number, first = 0): number[] {
  const step = NICE_STEPS.find((s) => s * pixels >= spacing) ?? Math.ceil(spacing / Math.max(pixels, 1e-9));
  const ticks = [0];
  for (let k = 1; k < count; k++) if ((k + first) % step === 0 && (k - ticks[ticks.length - 1]) * pixels >= spacing) ticks.push(k);
  return ticks;
}

/**
 * Powers of ten covering [min, max] (both > 0), at most `maxCount` of them: every decade while few,
 * every second, fifth, … decade when the range is wide. The first and last ticks bound the axis.
 */
export function logTicks(min: number, max: number, maxCount = 6): number[] {
  if (!(min > 0) || !(max > 0) || !Number.isFinite(min) || !Number.isFinite(max)) return [1];
  let low = Math.floor(Math.log10(Math.min(min, max)));
  let high = Math.ceil(Math.log10(Math.max(min, max)));
  if (high === low) high += 1;
  const stride = Math.ceil((high - low) / Math.max(1, maxCount - 1));
  low = Math.floor(low / stride) * stride;
  high = Math.ceil(high / stride) * stride;
  const ticks: number[] = [];
  for (let e = low; e <= high; e += stride) ticks.push(10 ** e);
  return ticks;
}

/**
 * Ticks for a linear axis over [min, max] with both ends labelled (the first and the latest step, say):
 * multiples of the finest nice step (1, 2 or 5 × 10ⁿ) that keeps to `maxCount` ticks in all, leaving out
 * a multiple closer than half a step to an end, whose label it would run into. No step is finer than
 * `minStep` (1 for whole numbers such as delays).
 */
export function linearTicks(min: number, max: number, maxCount = 5, minStep = 0): number[] {
  if (!Number.isFinite(min) || !Number.isFinite(max)) return [];
  if (max <= min) return [min];
  for (let power = 10 ** Math.floor(Math.log10((max - min) / (4 * maxCount))); ; power *= 10) {
    for (const multiple of [1, 2, 5]) {
      if (multiple * power < minStep) continue;
      const ticks = ticksEvery(multiple * power, min, max);
      if (ticks.length <= maxCount) return ticks;
    }
  }
}

function ticksEvery(step: number, min: number, max: number): number[] {
  const ticks = [min];
  for (let k = Math.ceil(min / step); k * step < max; k++) {
    // Rounded, so that 3 × 0.1 reads as 0.3 on the axis.
    const tick = +(k * step).toPrecision(12);
    if (tick - min >= step / 2 && max - tick >= step / 2) ticks.push(tick);
  }
  ticks.push(max);
  return ticks;
}

/**
 * Ticks from 0 to a nice number at or above `max` (a loss, a norm): multiples of the finest nice step
 * (1, 2 or 5 × 10ⁿ) that keeps to `maxCount` ticks, so the top of the axis is a round number.
 */
export function zeroBasedTicks(max: number, maxCount = 5): number[] {
  if (!(max > 0) || !Number.isFinite(max)) return [0, 1];
  for (let power = 10 ** Math.floor(Math.log10(max / maxCount)); ; power *= 10) {
    for (const multiple of [1, 2, 5]) {
      const step = multiple * power;
      const count = Math.ceil(max / step - 1e-9);
      if (count + 1 <= maxCount) return Array.from({ length: count + 1 }, (_, k) => +(k * step).toPrecision(12));
    }
  }
}
