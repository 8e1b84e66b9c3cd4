/**
 * One character of text generation for a whole character model outside tfjs: the input (one-hot or an
 * embedding row), every layer's step, the linear head, then softmax with temperature and a draw. The
 * weights are read once into Float32Arrays (and copied once into a small WebAssembly SIMD module for the
 * matrix products, wasmMatVec.ts, where it compiles) and every buffer is allocated up front, so a
 * character allocates nothing and needs no tensor op, no kernel launch and no readback.
 *
 * The arithmetic is the op-by-op path's on the array backends, operation for operation: each dot product
 * sums its terms in order in float64 and rounds once to float32, as gemm.ts does; the biases are added as
 * matMulArrays adds them; the gate math is stepMath.ts's. So on `cpu` and `wasm` the logits are the same
 * bits and the samples the same characters; on other backends they agree to float rounding.
 *
 * Shapes: V vocabulary, E embedding width (0 for one-hot), H hidden, G gates, L layers.
 */
import { gateCount, type CellKind, type Nonlinearity } from '../cells/types';
import type { Rng } from '../random';
import { FORWARD_STEP, type ForwardStep } from './stepMath';
import { wasmProducts, type MatVecProduct } from './wasmMatVec';

/** One layer's parameters as PyTorch stores them (`rnn.weight_ih_l{l}`, …), row-major. */
export interface GenerationLayerWeights {
  /** weight_ih: [G·H, I] (I = E, or V for one-hot, for the first layer; H above it) */
  weightIh: Float32Array;
  /** weight_hh: [G·H, H] */
  weightHh: Float32Array;
  /** bias_ih, bias_hh: [G·H], or null for `bias=False` */
  biasIh: Float32Array | null;
  biasHh: Float32Array | null;
}

/** Everything a character model computes with when it generates. */
export interface GenerationWeights {
  kind: CellKind;
  /** RNN only */
  nonlinearity: Nonlinearity;
  vocabSize: number;
  hiddenSize: number;
  /** embedding.weight [V, E], or null for one-hot input */
  embedding: Float32Array | null;
  layers: GenerationLayerWeights[];
  /** fc.weight [V, H] and fc.bias [V], or null when the last hidden state is the logits (H = V) */
  head: { weight: Float32Array; bias: Float32Array | null } | null;
}

/**
 * out[j] = bias[j] + Σ_k x[k]·w[j, k] for w [rows, K] row-major, each sum in order from k = 0 in float64
 * and rounded once when stored (with the bias added after the sum): gemm.ts's `gemmABt` for one row,
 * bit for bit. Four rows at a time share each load of x; that changes no sum's order. x is read from
 * `xOffset` on (a row of a larger array, without a view).
 */
export function matVec(w: Float32Array, x: Float32Array, out: Float32Array, rows: number, K: number, bias: Float32Array | null, xOffset = 0): void {
  const R4 = rows - (rows % 4);
  for (let j = 0; j < R4; j += 4) {
    const w0 = j * K;
    const w1 = w0 + K;
    const w2 = w1 + K;
    const w3 = w2 + K;
    let s0 = 0, s1 = 0, s2 = 0, s3 = 0;
    for (let k = 0; k < K; k++) {
      const v = x[xOffset + k];
      s0 += v * w[w0 + k];
      s1 += v * w[w1 + k];
      s2 += v * w[w2 + k];
      s3 += v * w[w3 + k];
    }
    if (bias) {
      out[j] = bias[j] + s0;
      out[j + 1] = bias[j + 1] + s1;
      out[j + 2] = bias[j + 2] + s2;
      out[j + 3] = bias[j + 3] + s3;
    } else {
      out[j] = s0;
      out[j + 1] = s1;
      out[j + 2] = s2;
      out[j + 3] = s3;
    }
  }
  for (let j = R4; j < rows; j++) {
    let s = 0;
    for (let k = 0; k < K; k++) s += x[xOffset + k] * w[j * K + k];
    out[j] = bias ? bias[j] + s : s;
  }
}

/**
 * The input-side bias [G·H] as the op-by-op path adds it before the product: b_ih, then every block of
 * b_hh that simply adds (all but the GRU's n block, which the reset gate scales), each sum rounded to
 * float32 as it is stored. Null without biases.
 */
function inputBias(kind: CellKind, H: number, { biasIh, biasHh }: GenerationLayerWeights): Float32Array | null {
  if (!biasIh && !biasHh) return null;
  const sum = new Float32Array((biasIh ?? biasHh)?.length ?? 0);
  const added = kind === 'GRU' ? 2 * H : sum.length;
  if (biasIh) for (let j = 0; j < sum.length; j++) sum[j] += biasIh[j];
  if (biasHh) for (let j = 0; j < added; j++) sum[j] += biasHh[j];
  return sum;
}

/**
 * `logits` → a token: the argmax when `temperature` is 0, else a draw from softmax(logits / temperature)
 * with one `rng.next()`. `scratch` (at least as long as `logits`) holds the weights, so nothing is
 * allocated.
 */
export function sampleToken(logits: ArrayLike<number>, temperature: number, rng: Rng, scratch: Float64Array): number {
  const V = logits.length;
  let best = 0;
  for (let k = 1; k < V; k++) if (logits[k] > logits[best]) best = k;
  if (temperature <= 0) return best;
  // Subtracting the maximum keeps exp() finite; it cancels in the normalisation.
  let total = 0;
  for (let k = 0; k < V; k++) {
    scratch[k] = Math.exp((logits[k] - logits[best]) / temperature);
    total += scratch[k];
  }
  let threshold = rng.next() * total;
  for (let k = 0; k < V; k++) {
    threshold -= scratch[k];
    if (threshold <= 0) return k;
  }
  return best;
}

/** Row `row` of a row-major table into `out` (its width), without making a view. */
function copyRow(table: Float32Array, row: number, out: Float32Array): void {
  const at = row * out.length;
  for (let j = 0; j < out.length; j++) out[j] = table[at + j];
}

interface LayerBuffers {
  /** x·W_ihᵀ + bias (none for a one-hot first layer, which reads a table instead) */
  inputProduct: MatVecProduct | null;
  /** h·W_hhᵀ */
  hiddenProduct: MatVecProduct;
  inputSize: number;
  /** the input-side bias (see `inputBias`) */
  bias: Float32Array | null;
  /** the element-wise step's arguments: gx, a = h_{t−1}·W_hhᵀ [G·H], and h, c updated in place */
  step: ForwardStep;
}

function layerBuffers(weights: GenerationWeights, layer: GenerationLayerWeights, inputProduct: MatVecProduct | null, hiddenProduct: MatVecProduct): LayerBuffers {
  const { kind, nonlinearity, hiddenSize: H } = weights;
  const GH = gateCount(kind) * H;
  const [h, c] = [new Float32Array(H), kind === 'LSTM' ? new Float32Array(H) : null];
  return {
    inputProduct,
    hiddenProduct,
    inputSize: layer.weightIh.length / GH,
    bias: inputBias(kind, H, layer),
    // h and c are updated in place: the step reads each element of h_{t−1}, c_{t−1} before writing it.
    step: {
      B: 1,
      H,
      tanh: nonlinearity === 'tanh',
      a: new Float32Array(GH),
      gx: new Float32Array(GH),
      hPrev: h,
      cPrev: c,
      biasHn: kind === 'GRU' && layer.biasHh ? layer.biasHh.subarray(2 * H, 3 * H) : null,
      h,
      c,
      gates: null,
      hn: null,
    },
  };
}

/** A character model's recurrent state in plain arrays, advanced one token at a time. */
export class GenerationStep {
  private readonly layers: LayerBuffers[];
  /** one-hot input: row v is the first layer's projection of token v, bias included, [V, G·H] */
  private readonly oneHotTable: Float32Array | null;
  private readonly logitsBuffer: Float32Array;
  private readonly scratch: Float64Array;
  private readonly headProduct: MatVecProduct | null;

  /**
   * `simd: false` keeps every product in JavaScript (`matVec`); otherwise they run in the WebAssembly SIMD
   * module wherever it compiles. Both give the same bits.
   */
  constructor(
    private readonly weights: GenerationWeights,
    { simd = true }: { simd?: boolean } = {},
  ) {
    const { kind, vocabSize: V, hiddenSize: H, embedding, head } = weights;
    const GH = gateCount(kind) * H;
    if (!head && H !== V) throw new Error(`without a linear head the hidden size (${H}) must equal the vocabulary size (${V})`);
    // Every matrix a character multiplies by, in order: per layer W_ih (not for one-hot input) and W_hh, then the head.
    const matrices = weights.layers.flatMap((layer, l) => [
      ...(l > 0 || embedding ? [{ w: layer.weightIh, rows: GH, K: layer.weightIh.length / GH }] : []),
      { w: layer.weightHh, rows: GH, K: H },
    ]);
    if (head) matrices.push({ w: head.weight, rows: V, K: H });
    const products = (simd ? wasmProducts(matrices) : null) ?? matrices.map(({ w, rows, K }): MatVecProduct => (x, out, bias, xOffset) => matVec(w, x, out, rows, K, bias, xOffset));
    this.layers = weights.layers.map((layer, l) => {
      const inputProduct = l > 0 || embedding ? (products.shift() as MatVecProduct) : null;
      return layerBuffers(weights, layer, inputProduct, products.shift() as MatVecProduct);
    });
    this.headProduct = head ? (products.shift() as MatVecProduct) : null;
    // A one-hot row times W_ihᵀ is column v of W_ih, exactly: the table holds bias + column, rounded as stored.
    const first = this.layers[0];
    this.oneHotTable = embedding ? null : new Float32Array(V * GH);
    if (this.oneHotTable) {
      for (let v = 0; v < V; v++) {
        for (let j = 0; j < GH; j++) {
          const w = weights.layers[0].weightIh[j * V + v];
          this.oneHotTable[v * GH + j] = first.bias ? first.bias[j] + w : w;
        }
      }
    }
    this.logitsBuffer = head ? new Float32Array(V) : this.layers[this.layers.length - 1].step.h;
    this.scratch = new Float64Array(V);
  }

  /** Back to the zero state, as a model run without h0/c0 starts. */
  reset(): void {
    for (const { step } of this.layers) {
      step.h.fill(0);
      step.c?.fill(0);
    }
  }

  /** Feeds `token` through every layer; the state afterwards is the model's after that token. */
  advance(token: number): void {
    const { kind, embedding } = this.weights;
    const forward = FORWARD_STEP[kind];
    for (let l = 0; l < this.layers.length; l++) {
      const { inputProduct, hiddenProduct, inputSize, bias, step } = this.layers[l];
      if (l > 0) (inputProduct as MatVecProduct)(this.layers[l - 1].step.h, step.gx, bias);
      else if (embedding) (inputProduct as MatVecProduct)(embedding, step.gx, bias, token * inputSize);
      else copyRow(this.oneHotTable as Float32Array, token, step.gx);
      hiddenProduct(step.hPrev, step.a, null);
      forward(step);
    }
  }

  /** The logits [V] after the tokens fed so far: a view into a buffer the next call overwrites. */
  logits(): Float32Array {
    const top = this.layers[this.layers.length - 1].step.h;
    if (this.headProduct) this.headProduct(top, this.logitsBuffer, this.weights.head?.bias ?? null);
    return this.logitsBuffer;
  }

  /** A token drawn from the current logits (see `sampleToken`). */
  sample(temperature: number, rng: Rng): number {
    return sampleToken(this.logits(), temperature, rng, this.scratch);
  }
}
