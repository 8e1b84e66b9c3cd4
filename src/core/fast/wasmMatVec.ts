/**
 * Matrix × vector products for generation in a tiny WebAssembly SIMD module of our own, about three times
 * JavaScript's speed, with JavaScript's exact arithmetic: each product of two float32 values is formed in
 * float64 (exactly) and the sum of a row runs in order from k = 0 in float64, two rows per f64x2 lane
 * pair; it is rounded to float32 (with the bias added first) only when stored. So the results are the
 * bits of `matVec` (generationStep.ts) and of the op-by-op path's gemm.
 *
 * The matrices are copied once into the module's memory, 16 rows interleaved (row r of group g at
 * column k sits at g·16·K + 16·k + r; rows padded with zeros to a multiple of 16), so each step of the
 * inner loop reads 64 contiguous bytes and feeds eight independent f64x2 sums.
 */

const ROWS = 16;

/** The module's bytes: `mv(w, x, out, groups, K)` writes each row group's 16 float64 sums at `out`. */
function moduleBytes(): Uint8Array<ArrayBuffer> {
  const simd = (op: number) => (op < 0x80 ? [0xfd, op] : [0xfd, (op & 0x7f) | 0x80, op >> 7]);
  const [get, set, tee] = [(i: number) => [0x20, i], (i: number) => [0x21, i], (i: number) => [0x22, i]];
  const i32 = (v: number) => [0x41, ...sleb(v)];
  const [W, X, OUT, GROUPS, K, k, xp, xs] = [0, 1, 2, 3, 4, 5, 6, 7];
  const acc = (p: number) => 8 + p;
  const zero = [...simd(0x0c), ...new Array<number>(16).fill(0)];
  const inner = [
    ...[...get(xp), 0x2a, 0x02, 0x00, 0xbb, ...simd(0x14), ...set(xs)], // xs = splat(f64(x[k]))
    ...Array.from({ length: ROWS / 2 }, (_, p) => [
      ...get(acc(p)),
      ...get(W),
      ...simd(0x5d), 0x03, ...leb(8 * p), // v128.load64_zero: rows 2p, 2p+1 at column k
      ...simd(0x5f), // f64x2.promote_low_f32x4
      ...get(xs),
      ...simd(0xf2), // f64x2.mul
      ...simd(0xf0), // f64x2.add
      ...set(acc(p)),
    ]).flat(),
    ...get(W), ...i32(4 * ROWS), 0x6a, ...set(W),
    ...get(xp), ...i32(4), 0x6a, ...set(xp),
    ...get(k), ...i32(1), 0x6b, ...tee(k), 0x0d, 0x00,
  ];
  const group = [
    ...Array.from({ length: ROWS / 2 }, (_, p) => [...zero, ...set(acc(p))]).flat(),
    ...get(X), ...set(xp),
    ...get(K), ...set(k),
    0x03, 0x40, ...inner, 0x0b,
    ...Array.from({ length: ROWS / 2 }, (_, p) => [...get(OUT), ...get(acc(p)), ...simd(0x0b), 0x03, ...leb(16 * p)]).flat(),
    ...get(OUT), ...i32(8 * ROWS), 0x6a, ...set(OUT),
    ...get(GROUPS), ...i32(1), 0x6b, ...tee(GROUPS), 0x0d, 0x00,
  ];
  // Locals after the five parameters: two i32 (k, xp), nine v128 (xs, acc0…acc7).
  const body = [0x02, 0x02, 0x7f, 0x09, 0x7b, 0x02, 0x40, ...get(GROUPS), 0x45, 0x0d, 0x00, 0x03, 0x40, ...group, 0x0b, 0x0b, 0x0b];
  const section = (id: number, content: number[]) => [id, ...leb(content.length), ...content];
  const name = (s: string) => [s.length, ...Array.from(s, (c) => c.charCodeAt(0))];
  return Uint8Array.from([
    ...[0x00, 0x61, 0x73, 0x6d, 0x01, 0x00, 0x00, 0x00],
    ...section(1, [0x01, 0x60, 0x05, 0x7f, 0x7f, 0x7f, 0x7f, 0x7f, 0x00]),
    ...section(3, [0x01, 0x00]),
    ...section(5, [0x01, 0x00, 0x01]),
    ...section(7, [0x02, ...name('mv'), 0x00, 0x00, ...name('memory'), 0x02, 0x00]),
    ...section(10, [0x01, ...leb(body.length), ...body]),
  ]);
}

/** Signed LEB128 (i32.const), for non-negative values below 2³¹: unsigned plus a clear sign bit. */
function sleb(value: number): number[] {
  const out = leb(value);
  return out[out.length - 1] & 0x40 ? [...out.slice(0, -1), out[out.length - 1] | 0x80, 0x00] : out;
}

/** Unsigned LEB128. */
function leb(value: number): number[] {
  const out: number[] = [];
  let v = value >>> 0;
  do {
    const byte = v & 0x7f;
    v >>>= 7;
    out.push(v ? byte | 0x80 : byte);
  } while (v);
  return out;
}

let compiled: WebAssembly.Module | null | undefined;

/** The compiled module, or null where WebAssembly or its SIMD is missing (or a policy forbids compiling). */
function simdModule(): WebAssembly.Module | null {
  if (compiled === undefined) {
    try {
      compiled = typeof WebAssembly === 'object' ? new WebAssembly.Module(moduleBytes() as Uint8Array<ArrayBuffer>) : null;
    } catch {
      compiled = null;
    }
  }
  return compiled;
}

/** A product y = bias + W·x for one matrix: `x` read from `xOffset`, `out` [rows] written as float32. */
export type MatVecProduct = (x: Float32Array, out: Float32Array, bias: Float32Array | null, xOffset?: number) => void;

/**
 * One product per matrix ([rows, K] row-major each), all in one WebAssembly memory, or null where the
 * SIMD module cannot run (the caller then uses `matVec`).
 */
export function wasmProducts(matrices: readonly { w: Float32Array; rows: number; K: number }[]): MatVecProduct[] | null {
  const module = simdModule();
  if (!module || matrices.length === 0) return null;
  const padded = (rows: number) => Math.ceil(rows / ROWS) * ROWS;
  const maxK = Math.max(...matrices.map((m) => m.K));
  const maxRows = Math.max(...matrices.map((m) => padded(m.rows)));
  const offsets: number[] = [];
  let bytes = 0;
  for (const m of matrices) {
    offsets.push(bytes);
    bytes += 4 * padded(m.rows) * m.K;
  }
  const xAt = bytes;
  const outAt = Math.ceil((xAt + 4 * maxK) / 8) * 8;
  const total = outAt + 8 * maxRows;
  const instance = new WebAssembly.Instance(module, {});
  const memory = instance.exports.memory as WebAssembly.Memory;
  const pages = Math.ceil(total / 65536) - memory.buffer.byteLength / 65536;
  if (pages > 0) memory.grow(pages);
  const buffer = memory.buffer;
  const mv = instance.exports.mv as (w: number, x: number, out: number, groups: number, K: number) => void;
  const x = new Float32Array(buffer, xAt, maxK);
  const sums = new Float64Array(buffer, outAt, maxRows);
  return matrices.map(({ w, rows, K }, m) => {
    const interleaved = new Float32Array(buffer, offsets[m], padded(rows) * K);
    for (let r = 0; r < rows; r++) {
      const [group, lane] = [Math.floor(r / ROWS), r % ROWS];
      for (let k = 0; k < K; k++) interleaved[group * ROWS * K + k * ROWS + lane] = w[r * K + k];
    }
    const groups = padded(rows) / ROWS;
    return (input, out, bias, xOffset = 0) => {
      for (let k = 0; k < K; k++) x[k] = input[xOffset + k];
      mv(offsets[m], xAt, outAt, groups, K);
      if (bias) for (let j = 0; j < rows; j++) out[j] = bias[j] + sums[j];
      else for (let j = 0; j < rows; j++) out[j] = sums[j];
    };
  });
}
