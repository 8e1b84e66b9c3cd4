/*
 * The training step's JavaScript kernels in WebAssembly SIMD, two elements at a time: the element-wise
 * math of one RNN, LSTM or GRU time step (stepMath.ts), the products with a one-hot input (sparseRows.ts),
 * the Adam update (adam.ts), the sum of squares of the global norm (globalNorm.ts) and column sums
 * (columnSums.ts). Every operation is the one the JavaScript does, in the same order and precision, so the
 * results are the JavaScript kernels' to the bit: where the JavaScript computes in doubles, a float32
 * input is widened, the formula runs in f64x2, and each output is rounded to float32 once, where the
 * JavaScript stores it; column sums stay in float32 (f32x4), as the JavaScript's Float32Array sums do.
 *
 * The module owns no memory: it imports the tfjs WebAssembly backend's heap and works on tensors in place.
 * Nothing here touches memory but through the pointers it is given (no stack, no data), which
 * `npm run build:simd` checks. Rebuild with `npm run build:simd` after editing (it needs clang and lld).
 */
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

/* fastExp of stepMath.ts: x clamped to ±120, x = k·ln 2 + r, e^r by Taylor to r¹¹, times 2^k. */
static inline f64x2 exp_(f64x2 x) {
  const f64x2 clamped = wasm_f64x2_pmax(wasm_f64x2_pmin(x, SPLAT(120.0)), SPLAT(-120.0));
  const f64x2 k = wasm_f64x2_floor(ADD(MUL(clamped, SPLAT(1.4426950408889634)), SPLAT(0.5)));
  const f64x2 r = SUB(SUB(clamped, MUL(k, SPLAT(0.6931471803691238))), MUL(k, SPLAT(1.9082149292705877e-10)));
  f64x2 s = ADD(SPLAT(1.0 / 3628800), DIV(r, SPLAT(39916800.0)));
  s = ADD(SPLAT(1.0 / 362880), MUL(r, s));
  s = ADD(SPLAT(1.0 / 40320), MUL(r, s));
  s = ADD(SPLAT(1.0 / 5040), MUL(r, s));
  s = ADD(SPLAT(1.0 / 720), MUL(r, s));
  s = ADD(SPLAT(1.0 / 120), MUL(r, s));
  s = ADD(SPLAT(1.0 / 24), MUL(r, s));
  s = ADD(SPLAT(1.0 / 6), MUL(r, s));
  s = ADD(SPLAT(1.0 / 2), MUL(r, s));
  s = ADD(SPLAT(1.0), MUL(r, s));
  s = ADD(SPLAT(1.0), MUL(r, s));
  /*
   * 2^k from its exponent bits. k is a whole number within ±174: adding 1.5·2^52 puts it, as an integer, in
   * the low bits of the sum, so subtracting that constant's bits leaves k itself in each 64-bit lane.
   */
  const v128_t shifter = SPLAT(6755399441055744.0);
  const v128_t kBits = wasm_i64x2_sub(ADD(k, shifter), shifter);
  return MUL(s, wasm_i64x2_shl(wasm_i64x2_add(kBits, wasm_i64x2_splat(1023)), 52));
}

static inline f64x2 sigmoid_(f64x2 x) { return DIV(SPLAT(1.0), ADD(SPLAT(1.0), exp_(wasm_f64x2_neg(x)))); }

static inline f64x2 tanh_(f64x2 x) {
  const f64x2 t = exp_(MUL(SPLAT(-2.0), wasm_f64x2_abs(x)));
  const f64x2 y = DIV(SUB(SPLAT(1.0), t), ADD(SPLAT(1.0), t));
  return wasm_v128_bitselect(wasm_f64x2_neg(y), y, wasm_f64x2_lt(x, SPLAT(0.0)));
}

/* x rounded to float32 and widened again: what a value read back from a Float32Array is. */
static inline f64x2 rounded(f64x2 x) { return wasm_f64x2_promote_low_f32x4(demote(x)); }

/* h = tanh(a + gx), or relu(a + gx). a, gx, h: [B, H]. */
void rnn_forward(int B, int H, int tanh, const float *a, const float *gx, float *h) {
#define RNN_FORWARD(n)                                                                                    \
  {                                                                                                       \
    const int e = b * H + k;                                                                              \
    const f64x2 v = ADD(LOAD(n, a + e), LOAD(n, gx + e));                                                 \
    STORE(n, h + e, tanh ? tanh_(v) : wasm_v128_bitselect(v, SPLAT(0.0), wasm_f64x2_gt(v, SPLAT(0.0)))); \
  }
  EACH_ELEMENT(B, H, RNN_FORWARD)
}

/* The LSTM step. a, gx, gates: [B, 4H] (i, f, g, o); cPrev, h, c: [B, H]; gates may be 0 (not kept). */
void lstm_forward(int B, int H, const float *a, const float *gx, const float *cPrev, float *h, float *c, float *gates) {
#define LSTM_FORWARD(n)                                                         \
  {                                                                             \
    const int at = b * 4 * H + k, e = b * H + k;                                \
    const f64x2 i = sigmoid_(ADD(LOAD(n, a + at), LOAD(n, gx + at)));          \
    const f64x2 f = sigmoid_(ADD(LOAD(n, a + at + H), LOAD(n, gx + at + H)));  \
    const f64x2 g = tanh_(ADD(LOAD(n, a + at + 2 * H), LOAD(n, gx + at + 2 * H))); \
    const f64x2 o = sigmoid_(ADD(LOAD(n, a + at + 3 * H), LOAD(n, gx + at + 3 * H))); \
    const f64x2 cNew = ADD(MUL(f, LOAD(n, cPrev + e)), MUL(i, g));             \
    STORE(n, c + e, cNew);                                                      \
    STORE(n, h + e, MUL(o, tanh_(rounded(cNew))));                              \
    if (gates) {                                                                \
      STORE(n, gates + at, i);                                                  \
      STORE(n, gates + at + H, f);                                              \
      STORE(n, gates + at + 2 * H, g);                                          \
      STORE(n, gates + at + 3 * H, o);                                          \
    }                                                                           \
  }
  EACH_ELEMENT(B, H, LSTM_FORWARD)
}

/*
 * The GRU step. a, gx, gates: [B, 3H] (r, z, n); hPrev, h, hn: [B, H]; biasHn: [H] or 0; gates and hn may be
 * 0 (not kept). The reset gate scales W_hn·h + b_hn after the product, as in PyTorch.
 */
void gru_forward(int B, int H, const float *a, const float *gx, const float *hPrev, const float *biasHn, float *h, float *gates, float *hn) {
#define GRU_FORWARD(n)                                                                       \
  {                                                                                          \
    const int at = b * 3 * H + k, e = b * H + k;                                             \
    const f64x2 r = sigmoid_(ADD(LOAD(n, a + at), LOAD(n, gx + at)));                        \
    const f64x2 z = sigmoid_(ADD(LOAD(n, a + at + H), LOAD(n, gx + at + H)));                \
    const f64x2 scaled = ADD(LOAD(n, a + at + 2 * H), biasHn ? LOAD(n, biasHn + k) : SPLAT(0.0)); \
    const f64x2 nGate = tanh_(ADD(LOAD(n, gx + at + 2 * H), MUL(r, scaled)));                \
    STORE(n, h + e, ADD(nGate, MUL(z, SUB(LOAD(n, hPrev + e), nGate))));                     \
    if (gates && hn) {                                                                       \
      STORE(n, gates + at, r);                                                               \
      STORE(n, gates + at + H, z);                                                           \
      STORE(n, gates + at + 2 * H, nGate);                                                   \
      STORE(n, hn + e, scaled);                                                              \
    }                                                                                        \
  }
  EACH_ELEMENT(B, H, GRU_FORWARD)
}

/* RNN backward: dGx = (dOut + dh)·tanh′ (1 − h², read off the output) or relu′. All [B, H]. */
void rnn_backward(int B, int H, int tanh, const float *h, const float *dOut, const float *dh, float *dGx) {
#define RNN_BACKWARD(n)                                                                                         \
  {                                                                                                             \
    const int e = b * H + k;                                                                                    \
    const f64x2 hv = LOAD(n, h + e);                                                                            \
    const f64x2 slope = tanh ? SUB(SPLAT(1.0), MUL(hv, hv)) : wasm_v128_bitselect(SPLAT(1.0), SPLAT(0.0), wasm_f64x2_gt(hv, SPLAT(0.0))); \
    STORE(n, dGx + e, MUL(ADD(LOAD(n, dOut + e), LOAD(n, dh + e)), slope));                                     \
  }
  EACH_ELEMENT(B, H, RNN_BACKWARD)
}

/* LSTM backward: gates, dGx [B, 4H]; c, cPrev, dOut, dh [B, H]; dc [B, H] goes from ∂L/∂c_t to ∂L/∂c_{t−1}. */
void lstm_backward(int B, int H, const float *gates, const float *c, const float *cPrev, const float *dOut, const float *dh, float *dc, float *dGx) {
#define LSTM_BACKWARD(n)                                                                    \
  {                                                                                         \
    const int at = b * 4 * H + k, e = b * H + k;                                            \
    const f64x2 i = LOAD(n, gates + at), f = LOAD(n, gates + at + H);                       \
    const f64x2 g = LOAD(n, gates + at + 2 * H), o = LOAD(n, gates + at + 3 * H);           \
    const f64x2 tanhC = tanh_(LOAD(n, c + e));                                              \
    const f64x2 dht = ADD(LOAD(n, dOut + e), LOAD(n, dh + e));                              \
    const f64x2 dct = ADD(LOAD(n, dc + e), MUL(MUL(dht, o), SUB(SPLAT(1.0), MUL(tanhC, tanhC)))); \
    STORE(n, dGx + at, MUL(MUL(MUL(dct, g), i), SUB(SPLAT(1.0), i)));                       \
    STORE(n, dGx + at + H, MUL(MUL(MUL(dct, LOAD(n, cPrev + e)), f), SUB(SPLAT(1.0), f)));  \
    STORE(n, dGx + at + 2 * H, MUL(MUL(dct, i), SUB(SPLAT(1.0), MUL(g, g))));               \
    STORE(n, dGx + at + 3 * H, MUL(MUL(MUL(dht, tanhC), o), SUB(SPLAT(1.0), o)));           \
    STORE(n, dc + e, MUL(dct, f));                                                          \
  }
  EACH_ELEMENT(B, H, LSTM_BACKWARD)
}

/* GRU backward: gates, hn as kept forward; dGx, dGh [B, 3H]; hPrev, dOut, dh, direct (z ⊙ ∂L/∂h_t) [B, H]. */
void gru_backward(int B, int H, const float *gates, const float *hn, const float *hPrev, const float *dOut, const float *dh, float *dGx, float *dGh, float *direct) {
#define GRU_BACKWARD(n)                                                                       \
  {                                                                                           \
    const int at = b * 3 * H + k, e = b * H + k;                                              \
    const f64x2 r = LOAD(n, gates + at), z = LOAD(n, gates + at + H), nGate = LOAD(n, gates + at + 2 * H); \
    const f64x2 dht = ADD(LOAD(n, dOut + e), LOAD(n, dh + e));                                \
    const f64x2 dn = MUL(MUL(dht, SUB(SPLAT(1.0), z)), SUB(SPLAT(1.0), MUL(nGate, nGate)));   \
    const f64x2 dz = MUL(MUL(MUL(dht, SUB(LOAD(n, hPrev + e), nGate)), z), SUB(SPLAT(1.0), z)); \
    const f64x2 dr = MUL(MUL(MUL(dn, LOAD(n, hn + e)), r), SUB(SPLAT(1.0), r));               \
    STORE(n, dGx + at, dr);                                                                   \
    STORE(n, dGh + at, dr);                                                                   \
    STORE(n, dGx + at + H, dz);                                                               \
    STORE(n, dGh + at + H, dz);                                                               \
    STORE(n, dGx + at + 2 * H, dn);                                                           \
    STORE(n, dGh + at + 2 * H, MUL(dn, r));                                                   \
    STORE(n, direct + e, MUL(dht, z));                                                        \
  }
  EACH_ELEMENT(B, H, GRU_BACKWARD)
}

/*
 * y = x·Wᵀ + bias0 + bias1 for x [M, K] with few nonzeros a row (sparseRows.ts): W [N, K], biases [N] or 0,
 * y [M, N]; scratch holds K·N + N floats (W's columns as rows, then the biases' float32 sum).
 */
void sparse_rows_product(int M, int K, int N, const float *x, const float *weight, const float *bias0, const float *bias1, float *scratch, float *y) {
  float *columns = scratch, *biasSum = scratch + K * N;
  for (int n = 0; n < N; n++) {
    float sum = 0.0f;
    if (bias0) sum += bias0[n];
    if (bias1) sum += bias1[n];
    biasSum[n] = sum;
    for (int k = 0; k < K; k++) columns[k * N + n] = weight[n * K + k];
  }
  for (int m = 0; m < M; m++) {
    const float *row = x + m * K;
    float *out = y + m * N;
    int count = 0, first = 0;
    for (int k = K - 1; k >= 0; k--)
      if (row[k] != 0) count++, first = k;
    if (count == 1) {
      /* One-hot: a scaled column of W. */
      const f64x2 value = SPLAT(row[first]);
      const float *column = columns + first * N;
#define ONE_HOT(n) STORE(n, out + k, ADD(LOAD(n, biasSum + k), MUL(value, LOAD(n, column + k))));
      int k = 0;
      for (; k + 2 <= N; k += 2) ONE_HOT(2)
      for (; k < N; k++) ONE_HOT(1)
      continue;
    }
    /* The nonzeros in the order of k, summed onto zero, then onto the biases. */
#define SEVERAL(n)                                                                            \
  {                                                                                           \
    f64x2 dot = SPLAT(0.0);                                                                   \
    for (int j = 0; j < K; j++)                                                               \
      if (row[j] != 0) dot = ADD(dot, MUL(SPLAT(row[j]), LOAD(n, columns + j * N + k)));      \
    STORE(n, out + k, ADD(LOAD(n, biasSum + k), dot));                                        \
  }
    int k = 0;
    for (; k + 2 <= N; k += 2) SEVERAL(2)
    for (; k < N; k++) SEVERAL(1)
  }
}

/*
 * ∂L/∂W = dyᵀ·x for a sparse x [M, K] and dy [M, N]: dWeight [N, K]. sums: K·N doubles, each row of the
 * transposed gradient summed in the order of m, then written transposed.
 */
void sparse_rows_weight_gradient(int M, int K, int N, const float *x, const float *dy, double *sums, float *dWeight) {
  for (int e = 0; e < K * N; e++) sums[e] = 0.0;
  for (int m = 0; m < M; m++) {
    for (int j = 0; j < K; j++) {
      const float v = x[m * K + j];
      if (v == 0) continue;
      const f64x2 value = SPLAT(v);
      const float *from = dy + m * N;
      double *to = sums + j * N;
      int n = 0;
      for (; n + 2 <= N; n += 2) wasm_v128_store(to + n, ADD(wasm_v128_load(to + n), MUL(value, LOAD2(from + n))));
      for (; n < N; n++) to[n] += (double)v * from[n];
    }
  }
  for (int n = 0; n < N; n++)
    for (int j = 0; j < K; j++) dWeight[n * K + j] = (float)sums[j * N + n];
}

/*
 * One Adam step over `count` parameters (adam.ts): the moments rounded to float32 as they are stored, then
 * used; stepSize = lr / (1 − β1^t), correction2 = √(1 − β2^t).
 */
void adam_update(int count, const float *theta, const float *m, const float *v, const float *g, float *newTheta, float *newM, float *newV,
                 double beta1, double beta2, double epsilon, double stepSize, double correction2) {
  const f64x2 b1 = SPLAT(beta1), b2 = SPLAT(beta2), c1 = SPLAT(1 - beta1), c2 = SPLAT(1 - beta2);
#define ADAM(n)                                                                                         \
  {                                                                                                     \
    const f64x2 gk = LOAD(n, g + k);                                                                    \
    const f64x2 mk = rounded(ADD(MUL(b1, LOAD(n, m + k)), MUL(c1, gk)));                                \
    const f64x2 vk = rounded(ADD(MUL(b2, LOAD(n, v + k)), MUL(MUL(c2, gk), gk)));                       \
    STORE(n, newM + k, mk);                                                                             \
    STORE(n, newV + k, vk);                                                                             \
    STORE(n, newTheta + k, SUB(LOAD(n, theta + k), DIV(MUL(SPLAT(stepSize), mk), ADD(DIV(wasm_f64x2_sqrt(vk), SPLAT(correction2)), SPLAT(epsilon))))); \
  }
  int k = 0;
  for (; k + 2 <= count; k += 2) ADAM(2)
  for (; k < count; k++) ADAM(1)
}

/* Σ values², as globalNorm.ts sums it: the even and the odd entries apart, in order, then the two sums. */
double sum_of_squares(int count, const float *values) {
  f64x2 sums = SPLAT(0.0);
  int k = 0;
  for (; k + 2 <= count; k += 2) {
    const f64x2 pair = LOAD2(values + k);
    sums = ADD(sums, MUL(pair, pair));
  }
  double even = wasm_f64x2_extract_lane(sums, 0), odd = wasm_f64x2_extract_lane(sums, 1);
  if (k < count) even += (double)values[k] * values[k];
  return even + odd;
}

/* Column sums [cols] of a row-major [rows, cols] matrix in float32, row after row (columnSums.ts). */
void column_sums(int rows, int cols, const float *m, float *sums) {
  for (int c = 0; c < cols; c++) sums[c] = 0.0f;
  for (int r = 0; r < rows; r++) {
    const float *row = m + r * cols;
    int c = 0;
    for (; c + 4 <= cols; c += 4) wasm_v128_store(sums + c, wasm_f32x4_add(wasm_v128_load(sums + c), wasm_v128_load(row + c)));
    for (; c < cols; c++) sums[c] += row[c];
  }
}
