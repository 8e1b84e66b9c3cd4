/**
 * Matrix products on the WASM heap with the engine's relaxed-SIMD module (runtime/simd/gemm.c): op(B) is
 * packed once into heap scratch, then multiplied by any number of left operands. Any layout is one
 * product: transposes are strides, so nothing is copied but B's packing.
 */
import type { GemmExports, SimdKernels } from '../runtime/simdKernels';

/** op(X) of a row-major heap array: op(X)[i, k] = values[i·rowStride + k·colStride]. */
export interface Operand {
  values: Float32Array;
  rowStride: number;
  colStride: number;
}

/** op(X) [rows, cols] of an array stored as [rows, cols], or as [cols, rows] when `transposed`. */
export function operand(values: Float32Array, rows: number, cols: number, transposed: boolean): Operand {
  return transposed ? { values, rowStride: 1, colStride: rows } : { values, rowStride: cols, colStride: 1 };
}

/** Floats of heap scratch that `packedProduct` needs for op(B) [K, N]. */
export function productScratch(gemm: GemmExports, K: number, N: number): number {
  return gemm.gemm_packed_b_size(K, N) + gemm.gemm_scratch_size();
}

/** c [M, N] (+)= op(a) [M, K]·op(B): op(B) fixed by `packedProduct`. */
export type Product = (a: Operand, M: number, c: Float32Array, accumulate: boolean) => void;

/**
 * Packs op(b) [K, N] into `scratch` (`productScratch` floats on the heap, left untouched until the last
 * product) and returns the product by it. Every array must be on the heap.
 */
export function packedProduct(simd: SimdKernels, b: Operand, K: number, N: number, scratch: Float32Array): Product {
  const gemm = simd.gemm as GemmExports;
  const packedSize = gemm.gemm_packed_b_size(K, N);
  const [packed, work] = [scratch.subarray(0, packedSize), scratch.subarray(packedSize)];
  const must = (done: boolean) => {
    if (!done) throw new Error('a matrix product was given an array outside the WASM heap');
  };
  must(simd.call('gemm_pack_b', [K, N, b.rowStride, b.colStride], [b.values, packed]));
  return (a, M, c, accumulate) => must(simd.call('gemm', [M, N, K, a.rowStride, a.colStride, N], [a.values, packed, c, work], [accumulate ? 1 : 0]));
}
