/**
 * A recurrent layer with the sequence semantics of `torch.nn.RNN/LSTM/GRU`: stacked layers, two directions,
 * batch_first, optional biases, dropout between layers, optional h0/c0, parameters under PyTorch's names.
 * Backward is the analytic backpropagation through time of every layer and direction, on the whole-sequence
 * fast path (direction.ts); `forward` alone stays in differentiable tfjs ops.
 */
import type { CellParams, CellState } from '../cells/types';
import { hasSparseRows } from '../fast/sparseRows';
import { backwardSequence, forwardSequence, type SequenceCache, type SequenceMode } from './direction';
import { LayerCache, type LayerForwardOptions, type LayerGradients, type LayerOutput, type LayerUpstream } from './layerTypes';
import { transpose } from '../fast/linalg';
import {
  directionCount,
  parameterName,
  parameterSpecs,
  resolveLayerConfig,
  type LayerConfig,
  type ParameterSpec,
  type ResolvedLayerConfig,
} from './layerConfig';
import { deriveSeed, dropoutMaskValues, mulberry32, recurrentParameters, TorchGenerator, type Rng } from '../random';
import { parseStateDict, type StateDictJson } from './stateDict';
import * as tf from '../runtime/tf';
import { tidyResult } from '../runtime/tidy';

export type { LayerConfig } from './layerConfig';
export { LayerCache, type LayerForwardOptions, type LayerGradients, type LayerOutput, type LayerUpstream } from './layerTypes';

/** [B, T, F] ↔ [T, B, F] when batch_first; with one row or one step that is only a reshape. */
function toTimeMajor(t: tf.Tensor3D, batchFirst: boolean): tf.Tensor3D {
  if (!batchFirst) return t;
  const [a, b, features] = t.shape;
  return a === 1 || b === 1 ? tf.reshape(t, [b, a, features]) : transpose(t, [1, 0, 2]);
}

/**
 * `torch.nn.RNN`, `nn.LSTM` or `nn.GRU` in tfjs. Shapes: T steps, B batch, I input size, H hidden size,
 * L layers, D directions.
 */
export class RecurrentLayer {
  private readonly specs: ParameterSpec[];
  private readonly params = new Map<string, tf.Variable>();
  private readonly dropoutRng: Rng;

  private constructor(
    readonly config: ResolvedLayerConfig,
    generator: TorchGenerator,
  ) {
    this.specs = parameterSpecs(config);
    const counts = this.specs.map((spec) => spec.shape.reduce((a, b) => a * b, 1));
    const values = recurrentParameters(generator, config.hiddenSize, counts);
    try {
      this.specs.forEach((spec, k) => this.params.set(spec.name, tf.tidy(() => tf.variable(tf.tensor(values[k], spec.shape)))));
    } catch (error) {
      // Nobody gets a half-built layer to dispose, so release what was built here.
      this.dispose();
      throw error;
    }
    // The book trains with dropout 0 (PyTorch's default), so masks need not be PyTorch's: they come from a
    // stream of their own and never shift the initialisation. (PyTorch's `bernoulli_` also differs between
    // builds with and without MKL, so no one stream would match every PyTorch.)
    this.dropoutRng = mulberry32(deriveSeed(generator.seed, 1));
  }

  /**
   * A layer with PyTorch's default initialisation, U(−1/√H, 1/√H) for every parameter in
   * `parameterNames()` order. A number seeds a fresh generator, so `create(config, seed)` gives what
   * `torch.manual_seed(seed)` then `nn.RNN/LSTM/GRU(...)` gives; pass a generator to continue a model's stream.
   */
  static create(config: LayerConfig, seed: number | TorchGenerator): RecurrentLayer {
    return new RecurrentLayer(resolveLayerConfig(config), typeof seed === 'number' ? new TorchGenerator(seed) : seed);
  }

  /** PyTorch's parameter names in `named_parameters()` order, e.g. `weight_ih_l0`, …, `bias_hh_l1_reverse`. */
  parameterNames(): string[] {
    return this.specs.map((s) => s.name);
  }

  /** Each parameter's shape by name: weight_ih_l{k} [G·H, I or D·H], weight_hh_l{k} [G·H, H], biases [G·H]. */
  parameterShapes(): Record<string, number[]> {
    return Object.fromEntries(this.specs.map((s) => [s.name, [...s.shape]]));
  }

  /** Total number of scalar parameters, as `sum(p.numel() for p in module.parameters())`. */
  numParameters(): number {
    return this.specs.reduce((sum, s) => sum + s.shape.reduce((a, b) => a * b, 1), 0);
  }

  /** The parameters as trainable variables under their PyTorch names (owned by the layer: do not dispose). */
  get variables(): Readonly<Record<string, tf.Variable>> {
    return Object.fromEntries(this.params);
  }

  /** The live parameters of one layer and direction (owned by the layer: do not dispose). */
  cellParams(layer: number, direction: number): CellParams {
    const get = (role: keyof CellParams) => this.params.get(parameterName(role, layer, direction)) ?? null;
    const weightIh = get('weightIh');
    const weightHh = get('weightHh');
    if (!weightIh || !weightHh) throw new Error(`no layer ${layer} direction ${direction}`);
    return {
      weightIh: weightIh as tf.Tensor2D,
      weightHh: weightHh as tf.Tensor2D,
      biasIh: get('biasIh') as tf.Tensor1D | null,
      biasHh: get('biasHh') as tf.Tensor1D | null,
    };
  }

  /**
   * Runs the sequence and keeps nothing but the results, in tfjs ops that autodiff can see through.
   * Shapes in `LayerForwardOptions`/`LayerOutput`.
   */
  forward(input: tf.Tensor3D, opts: LayerForwardOptions = {}): LayerOutput {
    return this.outputs(input, opts, 'autodiff');
  }

  /**
   * Runs the sequence on the fastest kernels the backend has and keeps nothing but the results; autodiff
   * cannot see through it. For generating text, one character at a time.
   */
  predict(input: tf.Tensor3D, opts: LayerForwardOptions = {}): LayerOutput {
    return this.outputs(input, opts, 'predict');
  }

  private outputs(input: tf.Tensor3D, opts: LayerForwardOptions, mode: SequenceMode): LayerOutput {
    return tidyResult(() => {
      const { output, hN, cN } = this.run(input, opts, mode);
      return cN ? { output, hN, cN } : { output, hN };
    });
  }

  /**
   * Runs the sequence on the fastest kernels the backend has and keeps what `backward` needs. The caller
   * owns the outputs and the cache and disposes both.
   */
  forwardWithCache(input: tf.Tensor3D, opts: LayerForwardOptions = {}): LayerOutput & { cache: LayerCache } {
    const { cache, ...outputs } = tidyResult(() => this.run(input, opts, 'train'));
    return { ...outputs, cache: new LayerCache(cache) };
  }

  private run(input: tf.Tensor3D, opts: LayerForwardOptions, mode: SequenceMode) {
    const { config } = this;
    const D = directionCount(config);
    if (input.rank !== 3) throw new Error(`input must be 3-D, got shape [${input.shape.join(', ')}]`);
    const x = toTimeMajor(input, config.batchFirst);
    const [, B, features] = x.shape;
    if (features !== config.inputSize) throw new Error(`input has ${features} features, the layer expects ${config.inputSize}`);
    const initialH = this.initialStates(opts.h0, 'h0', B);
    const initialC = config.kind === 'LSTM' ? this.initialStates(opts.c0, 'c0', B) : null;
    if (opts.c0 && !initialC) throw new Error(`c0 is only for LSTM, not ${config.kind}`);
    const layers: LayerCache['layers'] = [];
    const hN: tf.Tensor2D[] = [];
    const cN: tf.Tensor2D[] = [];
    // One-hot characters: the first layer's products with its input visit only the ones (not under autodiff).
    const sparseInput = mode !== 'autodiff' && hasSparseRows(tf.reshape(x, [-1, features]) as tf.Tensor2D);
    let output = x;
    for (let l = 0; l < config.numLayers; l++) {
      const directions: SequenceCache[] = [];
      const outputs: tf.Tensor3D[] = [];
      for (let d = 0; d < D; d++) {
        const k = l * D + d;
        const initial: CellState = initialC ? { h: initialH[k], c: initialC[k] } : { h: initialH[k] };
        const run = forwardSequence(config.kind, config.nonlinearity, this.cellParams(l, d), output, initial, d === 1, mode, { sparseInput: l === 0 && sparseInput });
        if (run.cache) directions.push(run.cache);
        outputs.push(run.output);
        hN.push(run.final.h);
        if (run.final.c) cN.push(run.final.c);
      }
      output = D === 1 ? outputs[0] : tf.concat(outputs, 2);
      let dropoutMask: tf.Tensor3D | null = null;
      if (opts.training && config.dropout > 0 && l < config.numLayers - 1) {
        dropoutMask = tf.tensor3d(dropoutMaskValues(this.dropoutRng, output.size, config.dropout), output.shape);
        output = tf.mul(output, dropoutMask);
      }
      layers.push({ directions, dropoutMask });
    }
    return {
      output: toTimeMajor(output, config.batchFirst),
      hN: tf.stack(hN) as tf.Tensor3D,
      ...(initialC ? { cN: tf.stack(cN) as tf.Tensor3D } : {}),
      cache: layers,
    };
  }

  /** h0 or c0 as one [B, H] tensor per layer and direction, zeros when not given. */
  private initialStates(given: tf.Tensor3D | undefined, field: string, batch: number): tf.Tensor2D[] {
    const expected = [this.config.numLayers * directionCount(this.config), batch, this.config.hiddenSize];
    if (!given) return Array.from({ length: expected[0] }, () => tf.zeros([batch, this.config.hiddenSize]));
    if (given.shape.join() !== expected.join()) {
      throw new Error(`${field} has shape [${given.shape.join(', ')}], expected [${expected.join(', ')}]`);
    }
    return tf.unstack(given) as tf.Tensor2D[];
  }

  /**
   * Backpropagation through time through every layer and direction, from the top layer down. Returns new
   * tensors owned by the caller; the cache stays valid until disposed.
   */
  backward(cache: LayerCache, upstream: LayerUpstream & { inputGradient: false }): Omit<LayerGradients, 'dInput'> & { dInput: null };
  backward(cache: LayerCache, upstream: LayerUpstream): LayerGradients;
  backward(cache: LayerCache, upstream: LayerUpstream): Omit<LayerGradients, 'dInput'> & { dInput: tf.Tensor3D | null } {
    return tidyResult(() => {
      const { config } = this;
      const D = directionCount(config);
      const H = config.hiddenSize;
      const [T, B] = cache.layers[0].directions[0].inputs.gx.shape;
      const zeroState = () => tf.zeros([B, H]) as tf.Tensor2D;
      const split = (t: tf.Tensor3D | undefined) => (t ? (tf.unstack(t) as tf.Tensor2D[]) : null);
      const dHN = split(upstream.dHN);
      const dCN = split(upstream.dCN);
      let dOut = upstream.dOutput
        ? toTimeMajor(upstream.dOutput, config.batchFirst)
        : (tf.zeros([T, B, D * H]) as tf.Tensor3D);
      const dParams: Record<string, tf.Tensor> = {};
      const dH0 = new Array<tf.Tensor2D>(config.numLayers * D);
      const dC0 = new Array<tf.Tensor2D>(config.numLayers * D);
      // ∂L/∂input of the layer below (of the whole input after the first layer), null when skipped.
      let dInput: tf.Tensor3D | null = null;
      for (let l = config.numLayers - 1; l >= 0; l--) {
        const { directions, dropoutMask } = cache.layers[l];
        if (dropoutMask) dOut = tf.mul(dOut, dropoutMask);
        const dOutByDirection = D === 1 ? [dOut] : tf.split<tf.Tensor3D>(dOut, D, 2);
        dInput = null;
        for (let d = 0; d < D; d++) {
          const k = l * D + d;
          const dFinal: CellState = dCN ? { h: dHN?.[k] ?? zeroState(), c: dCN[k] } : { h: dHN?.[k] ?? zeroState() };
          const g = backwardSequence(this.cellParams(l, d), directions[d], dOutByDirection[d], dFinal, l > 0 || upstream.inputGradient !== false);
          if (g.dInput) dInput = dInput ? tf.add(dInput, g.dInput) : g.dInput;
          dH0[k] = g.dInitial.h;
          if (g.dInitial.c) dC0[k] = g.dInitial.c;
          for (const [role, grad] of Object.entries(g.dParams)) {
            if (grad) dParams[parameterName(role as keyof CellParams, l, d)] = grad;
          }
        }
        if (dInput) dOut = dInput;
      }
      return {
        dInput: dInput ? toTimeMajor(dInput, config.batchFirst) : null,
        dH0: tf.stack(dH0) as tf.Tensor3D,
        ...(config.kind === 'LSTM' ? { dC0: tf.stack(dC0) as tf.Tensor3D } : {}),
        dParams,
      };
    });
  }

  /**
   * Replaces every parameter from a PyTorch state_dict (object or JSON text; `{shape, data}` or nested lists).
   * Everything is validated first: on any error the layer is unchanged and the Error names the field.
   */
  loadStateDict(json: unknown): void {
    const values = parseStateDict(json, this.specs);
    tf.tidy(() => {
      for (const spec of this.specs) {
        this.params.get(spec.name)?.assign(tf.tensor(values.get(spec.name) as Float32Array, spec.shape));
      }
    });
  }

  /** The parameters as a PyTorch state_dict in JSON form, in `parameterNames()` order. */
  async toStateDict(): Promise<StateDictJson> {
    const entries = await Promise.all(
      this.specs.map(async (s) => {
        const data = Array.from(await (this.params.get(s.name) as tf.Variable).data());
        return [s.name, { shape: [...s.shape], data }];
      }),
    );
    return Object.fromEntries(entries);
  }

  /** Releases every parameter; the layer cannot be used afterwards. */
  dispose(): void {
    for (const v of this.params.values()) v.dispose();
    this.params.clear();
  }
}
