/*
 * What the SIMD kernels (steps.c, updates.c) share. They are the training step's JavaScript kernels in
 * WebAssembly SIMD, two elements at a time: the element-wise math of one RNN, LSTM or GRU time step
 * (stepMath.ts), the products with a one-hot input (sparseRows.ts), the Adam update (adam.ts), the sum
 * of squares of the global norm (globalNorm.ts) and column sums (columnSums.ts). Every operation is the one the JavaScript does, in the same order and precision, so the
 * results are the JavaScript kernels' to the bit: where the JavaScript computes in doubles, a float32
 * input is widened, the formula runs in f64x2, and each output is rounded to float32 once, where the
 * JavaScript stores it; column sums stay in float32 (f32x4), as the JavaScript's Float32Array sums do.
 *
 * The module owns no memory: it imports the tfjs WebAssembly backend's heap and works on tensors in place.
 * Nothing here touches memory but through the pointers it is given (no stack, no data), which
 * `npm run build:simd` checks. Rebuild with `npm run build:simd` after editing (it needs clang and lld).
 */
#ifndef UNROLLED_SIMD_H
#define UNROLLED_SIMD_H

#include <wasm_simd128.h>

typedef v128_t f64x2;

/*
 * f32x4.demote_f64x2_zero: both lanes rounded to float32. clang 14 splits wasm_f32x4_demote_f64x2_zero into
 * scalar conversions, so the instruction is written out (under its name in clang 14's assembler).
 */
static inline v128_t demote(v128_t v) {
  v128_t r;
  __asm__("local.get %1\n\tf32x4.demote_zero_f64x2\n\tlocal.set %0" : "=r"(r) : "r"(v));
  return r;
}

/* Two float32 at p, widened; or one, in both lanes. */
#define LOAD2(p) wasm_f64x2_promote_low_f32x4(wasm_v128_load64_zero(p))
#define LOAD1(p) wasm_f64x2_promote_low_f32x4(wasm_f32x4_splat(*(p)))
/* v rounded to float32 and stored: both lanes, or the first. */
#define STORE2(p, v) wasm_v128_store64_lane((p), demote(v), 0)
#define STORE1(p, v) (*(p) = wasm_f32x4_extract_lane(demote(v), 0))
#define LOAD(n, p) LOAD##n(p)
#define STORE(n, p, v) STORE##n((p), (v))

/* Runs BODY(n) for every column k of every row b, two columns at a time, then one. */
#define EACH_ELEMENT(B, H, BODY)          \
  for (int b = 0; b < (B); b++) {         \
    int k = 0;                            \
    for (; k + 2 <= (H); k += 2) BODY(2)  \
    for (; k < (H); k++) BODY(1)          \
  }

#define SPLAT(x) wasm_f64x2_splat(x)
#define ADD wasm_f64x2_add
#define SUB wasm_f64x2_sub
#define MUL wasm_f64x2_mul
#define DIV wasm_f64x2_div

/* x rounded to float32 and widened again: what a value read back from a Float32Array is. */
static inline f64x2 rounded(f64x2 x) { return wasm_f64x2_promote_low_f32x4(demote(x)); }

#endif
