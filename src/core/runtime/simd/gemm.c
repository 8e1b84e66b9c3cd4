/*
 * Matrix products for the WASM backend, C = op(A)·op(B), with relaxed SIMD's fused multiply-add
 * (f32x4.relaxed_madd): twice the multiply-adds a cycle of plain WebAssembly SIMD, whose separate multiply
 * and add XNNPACK's kernels are bound by. Built as a module of its own (gemm.c alone, -mrelaxed-simd), so
 * where relaxed SIMD is missing only the products fall back to XNNPACK.
 *
 * The layout is the classic one of GotoBLAS and BLIS, at a size for WebAssembly's sixteen vector
 * registers: op(B) is packed once into panels of 8 columns, blocked by KC rows of k (`gemm_pack_b`); each
 * block of 4 rows of op(A) is packed for KC values of k into a small buffer that stays in the first-level
 * cache, and the 4 × 8 micro-kernel keeps its 8 sums in registers over those KC steps, one fused
 * multiply-add per four products. Any strides are allowed for A and B, so transposed operands cost nothing
 * but their packing.
 *
 * The sums run in order of k, fused or not as the machine's relaxed_madd does, so results can differ from
 * a plain dot product in the last bits of float32, as another BLAS's would.
 */
#include <wasm_simd128.h>

/* The micro-kernel's rows and columns, and the depth of a block of k. */
#define MR 4
#define NR 8
#define KC 256
/* Floats of scratch `gemm` needs: a tile of A, and one row of C at the right edge. */
int gemm_scratch_size(void) { return KC * MR + NR; }

/* Floats `gemm_pack_b` writes for op(B) [K, N]: every panel of NR columns, zero padded. */
int gemm_packed_b_size(int K, int N) { return K * ((N + NR - 1) / NR) * NR; }

/*
 * Packs op(B) [K, N], op(B)[k, n] = B[k·rowStride + n·colStride], into `packed`: block by block of KC
 * values of k, panel by panel of NR columns, each panel [depth][NR] with zeros past column N.
 */
void gemm_pack_b(int K, int N, int rowStride, int colStride, const float *B, float *packed) {
  for (int k0 = 0; k0 < K; k0 += KC) {
    const int depth = K - k0 < KC ? K - k0 : KC;
    for (int j = 0; j < N; j += NR) {
      const int width = N - j < NR ? N - j : NR;
      if (colStride == 1 && width == NR) {
        for (int k = 0; k < depth; k++) {
          const float *row = B + (k0 + k) * rowStride + j;
          wasm_v128_store(packed, wasm_v128_load(row));
          wasm_v128_store(packed + 4, wasm_v128_load(row + 4));
          packed += NR;
        }
        continue;
      }
      for (int c = 0; c < NR; c++) {
        const float *column = B + k0 * rowStride + (j + c) * colStride;
        for (int k = 0; k < depth; k++) packed[k * NR + c] = c < width ? column[k * rowStride] : 0.0f;
      }
      packed += depth * NR;
    }
  }
}

/* Rows i … i + rows − 1 of op(A) for k0 … k0 + depth − 1 into `tile` [depth][MR], zeros below row `rows`. */
static void pack_a(const float *A, int aRow, int aCol, int i, int rows, int k0, int depth, float *tile) {
  for (int r = 0; r < MR; r++) {
    const float *row = A + (i + r) * aRow + k0 * aCol;
    for (int k = 0; k < depth; k++) tile[k * MR + r] = r < rows ? row[k * aCol] : 0.0f;
  }
}

/*
 * One row of a tile's sums (low = columns 0–3, high = 4–7) into C: stored, or added when `add`. A row
 * narrower than NR goes through `edge` (NR floats of scratch): lanes cannot be picked by a variable
 * index without the stack, which this module may not use.
 */
static inline void store_row(float *c, v128_t low, v128_t high, int width, int add, float *edge) {
  if (width == NR) {
    if (add) {
      low = wasm_f32x4_add(wasm_v128_load(c), low);
      high = wasm_f32x4_add(wasm_v128_load(c + 4), high);
    }
    wasm_v128_store(c, low);
    wasm_v128_store(c + 4, high);
    return;
  }
  wasm_v128_store(edge, low);
  wasm_v128_store(edge + 4, high);
  for (int n = 0; n < width; n++) c[n] = add ? c[n] + edge[n] : edge[n];
}

#define MADD(x, b, sum) wasm_f32x4_relaxed_madd((x), (b), (sum))

/* C tile [rows ≤ MR, width ≤ NR] (+)= a tile [depth][MR] · a panel [depth][NR]. */
static void micro_kernel(int depth, const float *a, const float *b, float *c, int ldc, int rows, int width, int add, float *edge) {
  v128_t s0 = wasm_f32x4_splat(0.0f), s1 = s0, s2 = s0, s3 = s0, s4 = s0, s5 = s0, s6 = s0, s7 = s0;
  for (int k = 0; k < depth; k++) {
    const v128_t low = wasm_v128_load(b), high = wasm_v128_load(b + 4);
    v128_t x = wasm_v128_load32_splat(a);
    s0 = MADD(x, low, s0);
    s1 = MADD(x, high, s1);
    x = wasm_v128_load32_splat(a + 1);
    s2 = MADD(x, low, s2);
    s3 = MADD(x, high, s3);
    x = wasm_v128_load32_splat(a + 2);
    s4 = MADD(x, low, s4);
    s5 = MADD(x, high, s5);
    x = wasm_v128_load32_splat(a + 3);
    s6 = MADD(x, low, s6);
    s7 = MADD(x, high, s7);
    a += MR;
    b += NR;
  }
  store_row(c, s0, s1, width, add, edge);
  if (rows > 1) store_row(c + ldc, s2, s3, width, add, edge);
  if (rows > 2) store_row(c + 2 * ldc, s4, s5, width, add, edge);
  if (rows > 3) store_row(c + 3 * ldc, s6, s7, width, add, edge);
}

/*
 * C [M, N] (row stride ldc) = op(A)·op(B), or C += op(A)·op(B) when `accumulate`; op(A)[i, k] =
 * A[i·aRow + k·aCol], op(B) [K, N] packed by `gemm_pack_b`; `scratch` holds `gemm_scratch_size()` floats.
 */
void gemm(int M, int N, int K, int aRow, int aCol, int ldc, const float *A, const float *packedB, float *C, float *scratch, int accumulate) {
  float *tile = scratch, *edge = scratch + KC * MR;
  const int panels = (N + NR - 1) / NR;
  if (K == 0 && !accumulate)
    for (int i = 0; i < M; i++)
      for (int j = 0; j < N; j++) C[i * ldc + j] = 0.0f;
  for (int k0 = 0; k0 < K; k0 += KC) {
    const int depth = K - k0 < KC ? K - k0 : KC;
    const float *block = packedB + k0 * panels * NR;
    const int add = accumulate || k0 > 0;
    for (int i = 0; i < M; i += MR) {
      const int rows = M - i < MR ? M - i : MR;
      pack_a(A, aRow, aCol, i, rows, k0, depth, tile);
      for (int p = 0; p < panels; p++) {
        const int j = p * NR;
        micro_kernel(depth, tile, block + p * depth * NR, C + i * ldc + j, ldc, rows, N - j < NR ? N - j : NR, add, edge);
      }
    }
  }
}
