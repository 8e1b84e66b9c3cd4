/*
 * The one-hot products (sparseRows.ts), Adam (adam.ts), the global norm's sum of squares (globalNorm.ts)
 * and column sums (columnSums.ts).
 */
#include "simd.h"

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
