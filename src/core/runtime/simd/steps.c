/* The element-wise math of one RNN, LSTM or GRU time step, forward and back (stepMath.ts). */
#include "simd.h"

/*
 * The constants of exp_, σ and tanh. Written inline, clang repeats a v128.const at each use, inside the
 * loops, and V8 builds each from scratch every time; passed through an empty asm once per call, they are
 * values clang cannot see into, so they stay in locals (registers) for the whole loop.
 */
typedef struct {
  f64x2 max, min, log2e, half, ln2High, ln2Low, one, minusTwo, zero, shifter, taylor[12];
  v128_t bias;
} Constants;

static inline v128_t opaque(v128_t v) {
  __asm__("" : "+r"(v));
  return v;
}

static inline Constants constants(void) {
  /* 1/j!, j = 0…11 */
  static const double taylor[12] = {1.0, 1.0, 1.0 / 2, 1.0 / 6, 1.0 / 24, 1.0 / 120, 1.0 / 720, 1.0 / 5040, 1.0 / 40320, 1.0 / 362880, 1.0 / 3628800, 1.0 / 39916800};
  Constants K = {
      .max = opaque(SPLAT(120.0)),
      .min = opaque(SPLAT(-120.0)),
      .log2e = opaque(SPLAT(1.4426950408889634)),
      .half = opaque(SPLAT(0.5)),
      /* ln 2 in two parts, so that k·ln 2 is subtracted without rounding away r's low bits (Cody–Waite). */
      .ln2High = opaque(SPLAT(0.6931471803691238)),
      .ln2Low = opaque(SPLAT(1.9082149292705877e-10)),
      .one = opaque(SPLAT(1.0)),
      .minusTwo = opaque(SPLAT(-2.0)),
      .zero = opaque(SPLAT(0.0)),
      .shifter = opaque(SPLAT(6755399441055744.0)),
      .bias = opaque(wasm_i64x2_splat(1023)),
  };
  for (int j = 0; j < 12; j++) K.taylor[j] = opaque(SPLAT(taylor[j]));
  return K;
}

/*
 * fastExp of stepMath.ts: x clamped to ±120, x = k·ln 2 + r, e^r by Taylor to r¹¹ summed by Estrin's
 * scheme in stepMath.ts's order, times 2^k.
 */
static inline f64x2 exp_(const Constants *K, f64x2 x) {
  const f64x2 clamped = wasm_f64x2_pmax(wasm_f64x2_pmin(x, K->max), K->min);
  const f64x2 k = wasm_f64x2_floor(ADD(MUL(clamped, K->log2e), K->half));
  const f64x2 r = SUB(SUB(clamped, MUL(k, K->ln2High)), MUL(k, K->ln2Low));
  const f64x2 *a = K->taylor;
  const f64x2 r2 = MUL(r, r);
  const f64x2 q0 = ADD(a[0], r), q1 = ADD(a[2], MUL(r, a[3])), q2 = ADD(a[4], MUL(r, a[5]));
  const f64x2 q3 = ADD(a[6], MUL(r, a[7])), q4 = ADD(a[8], MUL(r, a[9])), q5 = ADD(a[10], MUL(r, a[11]));
  const f64x2 r4 = MUL(r2, r2);
  const f64x2 s = ADD(ADD(ADD(q0, MUL(q1, r2)), MUL(ADD(q2, MUL(q3, r2)), r4)), MUL(ADD(q4, MUL(q5, r2)), MUL(r4, r4)));
  /*
   * 2^k from its exponent bits. k is a whole number within ±174: adding 1.5·2^52 puts it, as an integer, in
   * the low bits of the sum, so subtracting that constant's bits leaves k itself in each 64-bit lane.
   */
  const v128_t kBits = wasm_i64x2_sub(ADD(k, K->shifter), K->shifter);
  return MUL(s, wasm_i64x2_shl(wasm_i64x2_add(kBits, K->bias), 52));
}

static inline f64x2 sigmoid_(const Constants *K, f64x2 x) { return DIV(K->one, ADD(K->one, exp_(K, wasm_f64x2_neg(x)))); }

static inline f64x2 tanh_(const Constants *K, f64x2 x) {
  const f64x2 t = exp_(K, MUL(K->minusTwo, wasm_f64x2_abs(x)));
  const f64x2 y = DIV(SUB(K->one, t), ADD(K->one, t));
  return wasm_v128_bitselect(wasm_f64x2_neg(y), y, wasm_f64x2_lt(x, K->zero));
}

/* h = tanh(a + gx), or relu(a + gx). a, gx, h: [B, H]. */
void rnn_forward(int B, int H, int tanh, const float *a, const float *gx, float *h) {
  const Constants K = constants();
#define RNN_FORWARD(n)                                                                                    \
  {                                                                                                       \
    const int e = b * H + k;                                                                              \
    const f64x2 v = ADD(LOAD(n, a + e), LOAD(n, gx + e));                                                 \
    STORE(n, h + e, tanh ? tanh_(&K, v) : wasm_v128_bitselect(v, SPLAT(0.0), wasm_f64x2_gt(v, SPLAT(0.0)))); \
  }
  EACH_ELEMENT(B, H, RNN_FORWARD)
}

/*
 * σ(a + gx), or tanh(a + gx), over `count` elements into `out`, rounded to float32. One exponential per
 * iteration: the iterations are independent, so the processor overlaps them, where a body with all of a
 * step's exponentials would wait on each in turn.
 */
static inline void sigmoid_pass(Constants K, int count, const float *a, const float *gx, float *out) {
#define SIGMOID_PASS(n) STORE(n, out + k, sigmoid_(&K, ADD(LOAD(n, a + k), LOAD(n, gx + k))));
  int k = 0;
  for (; k + 2 <= count; k += 2) SIGMOID_PASS(2)
  for (; k < count; k++) SIGMOID_PASS(1)
}

static inline void tanh_pass(Constants K, int count, const float *a, const float *gx, float *out) {
#define TANH_PASS(n) STORE(n, out + k, tanh_(&K, ADD(LOAD(n, a + k), LOAD(n, gx + k))));
  int k = 0;
  for (; k + 2 <= count; k += 2) TANH_PASS(2)
  for (; k < count; k++) TANH_PASS(1)
}

/*
 * The LSTM step. a, gx, gates: [B, 4H] (i, f, g, o; the caller's scratch when not kept); cPrev, h, c:
 * [B, H]. The gates are activated into `gates` first, then c and h use them as stored (float32).
 */
void lstm_forward(int B, int H, const float *a, const float *gx, const float *cPrev, float *h, float *c, float *gates) {
  const Constants K = constants();
  for (int b = 0; b < B; b++) {
    const int row = b * 4 * H;
    sigmoid_pass(K, 2 * H, a + row, gx + row, gates + row);
    tanh_pass(K, H, a + row + 2 * H, gx + row + 2 * H, gates + row + 2 * H);
    sigmoid_pass(K, H, a + row + 3 * H, gx + row + 3 * H, gates + row + 3 * H);
  }
#define LSTM_FORWARD(n)                                                                 \
  {                                                                                     \
    const int at = b * 4 * H + k, e = b * H + k;                                        \
    const f64x2 i = LOAD(n, gates + at), f = LOAD(n, gates + at + H);                   \
    const f64x2 g = LOAD(n, gates + at + 2 * H), o = LOAD(n, gates + at + 3 * H);       \
    const f64x2 cNew = ADD(MUL(f, LOAD(n, cPrev + e)), MUL(i, g));                     \
    STORE(n, c + e, cNew);                                                              \
    STORE(n, h + e, MUL(o, tanh_(&K, rounded(cNew))));                                      \
  }
  EACH_ELEMENT(B, H, LSTM_FORWARD)
}

/*
 * The GRU step. a, gx, gates: [B, 3H] (r, z, n; the caller's scratch when not kept); hPrev, h, hn: [B, H];
 * biasHn: [H] or 0; hn 0 when not kept (then n is not stored either). r and z are activated into `gates`
 * first and used as stored (float32). The reset gate scales W_hn·h + b_hn after the product, as in PyTorch.
 */
void gru_forward(int B, int H, const float *a, const float *gx, const float *hPrev, const float *biasHn, float *h, float *gates, float *hn) {
  const Constants K = constants();
  for (int b = 0; b < B; b++) sigmoid_pass(K, 2 * H, a + b * 3 * H, gx + b * 3 * H, gates + b * 3 * H);
#define GRU_FORWARD(n)                                                                       \
  {                                                                                          \
    const int at = b * 3 * H + k, e = b * H + k;                                             \
    const f64x2 r = LOAD(n, gates + at), z = LOAD(n, gates + at + H);                        \
    const f64x2 scaled = ADD(LOAD(n, a + at + 2 * H), biasHn ? LOAD(n, biasHn + k) : SPLAT(0.0)); \
    const f64x2 nGate = tanh_(&K, ADD(LOAD(n, gx + at + 2 * H), MUL(r, scaled)));                \
    STORE(n, h + e, ADD(nGate, MUL(z, SUB(LOAD(n, hPrev + e), nGate))));                     \
    if (hn) {                                                                                \
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
  const Constants K = constants();
#define LSTM_BACKWARD(n)                                                                    \
  {                                                                                         \
    const int at = b * 4 * H + k, e = b * H + k;                                            \
    const f64x2 i = LOAD(n, gates + at), f = LOAD(n, gates + at + H);                       \
    const f64x2 g = LOAD(n, gates + at + 2 * H), o = LOAD(n, gates + at + 3 * H);           \
    const f64x2 tanhC = tanh_(&K, LOAD(n, c + e));                                              \
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
