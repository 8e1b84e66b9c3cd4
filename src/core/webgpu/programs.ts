/**
 * WGSL programs that run a whole sequence of one recurrent layer and direction in one dispatch, forward
 * and backward: one workgroup per batch row, one thread per hidden unit, a workgroup barrier per time step
 * (the state of step t is what every thread of step t + 1 reads). Every constant baked into the source
 * (kind, nonlinearity, T, B, H) is in `shaderKey`, or tfjs would reuse a stale pipeline.
 *
 * Shapes: T steps, B batch, H hidden (≤ 256 threads per workgroup), G gates, GH = G·H.
 */
import type { WebGPUProgram } from '@tensorflow/tfjs-backend-webgpu';
import { gateCount, type CellKind, type Nonlinearity } from '../cells/types';

/** The most threads, hence hidden units, one workgroup may have. */
export const MAX_HIDDEN = 256;

/**
 * Width of a step's row in the packed forward output [T, B, width]: h, then LSTM c and gates i, f, g, o;
 * GRU gates r, z, n and W_hn·h + b_hn.
 */
export const forwardWidth = (kind: CellKind, H: number): number => (kind === 'LSTM' ? 6 * H : kind === 'GRU' ? 5 * H : H);

/** Width of the packed backward output [T + 1, B, width]: dGx (and the GRU's dGh) per step; dh0, dc0 last. */
export const backwardWidth = (kind: CellKind, H: number): number => Math.max(kind === 'GRU' ? 6 * H : gateCount(kind) * H, 2 * H);

/** tanh written so that large |x| cannot overflow exp (as tfjs's own WebGPU tanh). */
const HELPERS = `
  fn sigmoidOf(x : f32) -> f32 { return 1.0 / (1.0 + exp(-x)); }
  fn tanhOf(x : f32) -> f32 {
    let e = exp(-2.0 * abs(x));
    return sign(x) * (1.0 - e) / (1.0 + e);
  }`;

abstract class SequenceProgram implements WebGPUProgram {
  readonly dispatchLayout = { x: [0] };
  readonly dispatch: [number, number, number];
  readonly workgroupSize: [number, number, number];
  readonly shaderKey: string;
  abstract readonly variableNames: string[];
  abstract readonly outputShape: number[];

  constructor(
    protected readonly kind: CellKind,
    protected readonly nonlinearity: Nonlinearity,
    protected readonly T: number,
    protected readonly B: number,
    protected readonly H: number,
    name: string,
  ) {
    this.dispatch = [B, 1, 1];
    this.workgroupSize = [H, 1, 1];
    this.shaderKey = `unrolled_${name}_${kind}_${nonlinearity}_T${T}_B${B}_H${H}`;
  }

  abstract getUserCode(): string;

  /**
   * Touches every binding: the pipeline's layout is derived from the shader, so a binding it never reads
   * (h0 in an RNN's backward, tfjs's uniforms) would be missing and the dispatch silently invalid.
   */
  protected touchBindings(): string {
    return [...this.variableNames.map((name) => `_ = ${name}[0];`), '_ = uniforms.NAN;'].join(' ');
  }
}

/** Forward: inputs gx [T, B, GH], wT = W_hhᵀ [H, GH], h0 [B, H], then c0 (LSTM) or b_hn [H] (GRU). */
export class ForwardProgram extends SequenceProgram {
  readonly variableNames: string[];
  readonly outputShape: number[];

  constructor(kind: CellKind, nonlinearity: Nonlinearity, T: number, B: number, H: number) {
    super(kind, nonlinearity, T, B, H, 'forward');
    this.variableNames = ['gx', 'wT', 'h0', ...(kind === 'LSTM' ? ['c0'] : kind === 'GRU' ? ['bhn'] : [])];
    this.outputShape = [T, B, forwardWidth(kind, H)];
  }

  getUserCode(): string {
    const { kind, T, B, H } = this;
    const G = gateCount(kind);
    const GH = G * H;
    const W = forwardWidth(kind, H);
    // a<g> = gx + Σ_j W_hh[g·H + k, j]·h_{t−1}[j] for every gate g; the GRU keeps its n block apart.
    const sums = Array.from({ length: G }, (_, g) => `a${g} = a${g} + wT[row + ${g * H}] * hj;`).join('\n          ');
    const inits = Array.from({ length: G }, (_, g) => (kind === 'GRU' && g === 2 ? `var a2 = 0.0;` : `var a${g} = gx[at + ${g * H}];`)).join('\n        ');
    const step = {
      RNN: `let h = ${this.nonlinearity === 'tanh' ? 'tanhOf(a0)' : 'max(a0, 0.0)'};`,
      LSTM: `let i = sigmoidOf(a0); let f = sigmoidOf(a1); let g = tanhOf(a2); let o = sigmoidOf(a3);
        c = f * c + i * g;
        let h = o * tanhOf(c);
        result[out + ${H}] = c; result[out + ${2 * H}] = i; result[out + ${3 * H}] = f; result[out + ${4 * H}] = g; result[out + ${5 * H}] = o;`,
      GRU: `let r = sigmoidOf(a0); let z = sigmoidOf(a1);
        let hn = a2 + bhn[k];
        let n = tanhOf(gx[at + ${2 * H}] + r * hn);
        let h = n + z * (hShared[k] - n);
        result[out + ${H}] = r; result[out + ${2 * H}] = z; result[out + ${3 * H}] = n; result[out + ${4 * H}] = hn;`,
    }[kind];
    return `${HELPERS}
    var<workgroup> hShared : array<f32, ${H}>;
    fn main(index : i32) {
      ${this.touchBindings()}
      let b = i32(workgroupId.x);
      let k = i32(localId.x);
      hShared[k] = h0[b * ${H} + k];
      ${kind === 'LSTM' ? `var c = c0[b * ${H} + k];` : ''}
      workgroupBarrier();
      for (var t = 0; t < ${T}; t = t + 1) {
        let at = (t * ${B} + b) * ${GH} + k;
        let out = (t * ${B} + b) * ${W} + k;
        ${inits}
        for (var j = 0; j < ${H}; j = j + 1) {
          let hj = hShared[j];
          let row = j * ${GH} + k;
          ${sums}
        }
        ${step}
        result[out] = h;
        workgroupBarrier();
        hShared[k] = h;
        workgroupBarrier();
      }
    }`;
  }
}

/**
 * Backward: inputs the packed forward output [T, B, forwardWidth], W_hh [GH, H], h0 [B, H], dHs [T, B, H],
 * dhN [B, H], then c0 and dcN (LSTM). Output [T + 1, B, backwardWidth].
 */
export class BackwardProgram extends SequenceProgram {
  readonly variableNames: string[];
  readonly outputShape: number[];

  constructor(kind: CellKind, nonlinearity: Nonlinearity, T: number, B: number, H: number) {
    super(kind, nonlinearity, T, B, H, 'backward');
    this.variableNames = ['fwd', 'w', 'h0', 'dHs', 'dhN', ...(kind === 'LSTM' ? ['c0', 'dcN'] : [])];
    this.outputShape = [T + 1, B, backwardWidth(kind, H)];
  }

  getUserCode(): string {
    const { kind, T, B, H } = this;
    const GH = gateCount(kind) * H;
    const [W, OUT] = [forwardWidth(kind, H), backwardWidth(kind, H)];
    const step = {
      RNN: `let h = fwd[f];
        let da = dht * ${this.nonlinearity === 'tanh' ? '(1.0 - h * h)' : 'select(0.0, 1.0, h > 0.0)'};
        result[out] = da; dA[k] = da;`,
      LSTM: `let c = fwd[f + ${H}];
        let i = fwd[f + ${2 * H}]; let fg = fwd[f + ${3 * H}]; let g = fwd[f + ${4 * H}]; let o = fwd[f + ${5 * H}];
        var cPrev = c0[b * ${H} + k];
        if (t > 0) { cPrev = fwd[f - ${B * W} + ${H}]; }
        let tanhC = tanhOf(c);
        // c_t reaches the loss from the future (dc) and through h_t = o ⊙ tanh(c_t).
        let dct = dc + dht * o * (1.0 - tanhC * tanhC);
        let di = dct * g * i * (1.0 - i); let df = dct * cPrev * fg * (1.0 - fg);
        let dg = dct * i * (1.0 - g * g); let dout = dht * tanhC * o * (1.0 - o);
        result[out] = di; result[out + ${H}] = df; result[out + ${2 * H}] = dg; result[out + ${3 * H}] = dout;
        dA[k] = di; dA[k + ${H}] = df; dA[k + ${2 * H}] = dg; dA[k + ${3 * H}] = dout;
        dc = dct * fg;`,
      GRU: `let r = fwd[f + ${H}]; let z = fwd[f + ${2 * H}]; let n = fwd[f + ${3 * H}]; let hn = fwd[f + ${4 * H}];
        var hPrev = h0[b * ${H} + k];
        if (t > 0) { hPrev = fwd[f - ${B * W}]; }
        let dn = dht * (1.0 - z) * (1.0 - n * n);
        let dz = dht * (hPrev - n) * z * (1.0 - z);
        let dr = dn * hn * r * (1.0 - r);
        result[out] = dr; result[out + ${H}] = dz; result[out + ${2 * H}] = dn;
        // The hidden side of n was scaled by r, so its gradient is too; z ⊙ h_{t−1} bypasses W_hh.
        result[out + ${3 * H}] = dr; result[out + ${4 * H}] = dz; result[out + ${5 * H}] = dn * r;
        dA[k] = dr; dA[k + ${H}] = dz; dA[k + ${2 * H}] = dn * r;
        direct = dht * z;`,
    }[kind];
    return `${HELPERS}
    var<workgroup> dA : array<f32, ${GH}>;
    fn main(index : i32) {
      ${this.touchBindings()}
      let b = i32(workgroupId.x);
      let k = i32(localId.x);
      var dh = dhN[b * ${H} + k];
      ${kind === 'LSTM' ? `var dc = dcN[b * ${H} + k];` : ''}
      for (var t = ${T - 1}; t >= 0; t = t - 1) {
        let s = (t * ${B} + b) * ${H} + k;
        let f = (t * ${B} + b) * ${W} + k;
        let out = (t * ${B} + b) * ${OUT} + k;
        let dht = dHs[s] + dh;
        var direct = 0.0;
        ${step}
        workgroupBarrier();
        // ∂L/∂h_{t−1}[k] = Σ_r dGh[r]·W_hh[r, k] (+ the GRU's direct path).
        var acc = direct;
        for (var r = 0; r < ${GH}; r = r + 1) { acc = acc + dA[r] * w[r * ${H} + k]; }
        dh = acc;
        workgroupBarrier();
      }
      let last = (${T} * ${B} + b) * ${OUT} + k;
      result[last] = dh;
      ${kind === 'LSTM' ? `result[last + ${H}] = dc;` : ''}
    }`;
  }
}
