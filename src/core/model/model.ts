/**
 * A character model: tokens → (one-hot or `nn.Embedding`) → recurrent layer (batch_first) → optional
 * `nn.Linear` → logits, trained with cross-entropy. Parameters carry the names a PyTorch module with
 * submodules `embedding`, `rnn` and `fc` would give them, so its state_dict moves both ways.
 * Gradients are analytic throughout: the head and loss (fast/head.ts), then the layer's BPTT.
 */
import type { CellKind, Nonlinearity } from '../cells/types';
import { linearCrossEntropy } from '../fast/head';
import { matMul, oneHotFloat } from '../fast/linalg';
import { RecurrentLayer, type LayerConfig } from '../layer/layer';
import { parameterSpecs, resolveLayerConfig } from '../layer/layerConfig';
import { embeddingWeight, linearParameters, TorchGenerator } from '../random';
import { parseStateDict, type StateDictJson } from '../layer/stateDict';
import * as tf from '../runtime/tf';
import { tidyResult } from '../runtime/tidy';
import type { TrainableModel } from './trainable';

export interface CharModelConfig {
  vocabSize: number;
  /** Width of a learned embedding; 0 feeds one-hot vectors of width `vocabSize` instead. */
  embeddingSize: number;
  kind: CellKind;
  hiddenSize: number;
  numLayers: number;
  nonlinearity?: Nonlinearity;
  dropout?: number;
  /** Whether an `nn.Linear(hidden, vocab)` maps hidden states to logits; without one the hidden state is the logits. */
  head: boolean;
  /** How per-token losses combine: PyTorch's default 'mean', or 'sum' (a loop adding each step's loss). */
  reduction: 'mean' | 'sum';
}

/** A minibatch of token ids, row-major [batch, steps]; targets are the tokens to predict. */
export interface TokenBatch {
  inputs: Int32Array;
  targets: Int32Array;
  batch: number;
  steps: number;
}

/** The recurrent state between calls of `run`: h [L, B, H] and, for an LSTM, c [L, B, H]. */
export interface ModelState {
  h: tf.Tensor3D;
  c?: tf.Tensor3D;
}

/** The recurrent layer inside a character model, batch_first as the model feeds it. */
function layerConfigOf(config: CharModelConfig): LayerConfig {
  const { vocabSize: V, embeddingSize: E } = config;
  return { kind: config.kind, inputSize: E > 0 ? E : V, hiddenSize: config.hiddenSize, numLayers: config.numLayers, nonlinearity: config.nonlinearity, dropout: config.dropout, batchFirst: true };
}

/**
 * Every parameter a model of `config` has, by PyTorch name and shape, in `variables` order, without
 * building anything: what an import checks a file against. Throws on an invalid layer configuration.
 * @returns embedding.weight [V, E] (with an embedding), rnn.* (see `RecurrentLayer.parameterShapes`),
 *   fc.weight [V, H] and fc.bias [V] (with a head)
 */
export function charModelParameterSpecs(config: CharModelConfig): { name: string; shape: number[] }[] {
  const { vocabSize: V, embeddingSize: E, hiddenSize: H } = config;
  const layer = parameterSpecs(resolveLayerConfig(layerConfigOf(config))).map(({ name, shape }) => ({ name: `rnn.${name}`, shape }));
  return [
    ...(E > 0 ? [{ name: 'embedding.weight', shape: [V, E] }] : []),
    ...(config.head ? [{ name: 'fc.weight', shape: [V, H] }, { name: 'fc.bias', shape: [V] }] : []),
    ...layer,
  ];
}

export class CharModel implements TrainableModel<TokenBatch> {
  readonly layer: RecurrentLayer;
  private readonly own: Record<string, tf.Variable> = {};
  /** h_n (and c_n) of the last batch, when the state is carried across batches (sequential sampling). */
  private carried: { h: tf.Tensor3D; c?: tf.Tensor3D } | null = null;
  /** Carry the state from one batch to the next, detached: what sequential minibatches need. */
  carryState = false;
  /** Keep each training forward pass's predictions and hidden states for `lastForward()`. */
  inspectForward = false;
  private lastForwardTensors: [tf.Tensor1D, tf.Tensor2D] | null = null;

  private constructor(readonly config: CharModelConfig, seed: number) {
    const { vocabSize: V, embeddingSize: E, hiddenSize: H } = config;
    if (!config.head && H !== V) throw new Error(`without a linear head the hidden size (${H}) must equal the vocabulary size (${V})`);
    // One generator in the order a PyTorch `__init__` builds the modules: Embedding, RNN, Linear.
    const generator = new TorchGenerator(seed);
    let layer: RecurrentLayer | null = null;
    try {
      // tidy drops the initial tensors, which would otherwise outlive the variables made from them.
      if (E > 0) this.own['embedding.weight'] = tf.tidy(() => tf.variable(tf.tensor2d(embeddingWeight(generator, V, E), [V, E])));
      layer = RecurrentLayer.create(layerConfigOf(config), generator);
      if (config.head) {
        const { weight, bias } = linearParameters(generator, H, V);
        this.own['fc.weight'] = tf.tidy(() => tf.variable(tf.tensor2d(weight, [V, H])));
        if (bias) this.own['fc.bias'] = tf.tidy(() => tf.variable(tf.tensor1d(bias)));
      }
    } catch (error) {
      // Nobody gets a half-built model to dispose, so release what was built here.
      tf.dispose(Object.values(this.own));
      layer?.dispose();
      throw error;
    }
    this.layer = layer;
  }

  /**
   * A model with PyTorch's default initialisation, drawn as `torch.manual_seed(seed)` and then
   * `nn.Embedding`, `nn.RNN/LSTM/GRU` and `nn.Linear` (in that order) would draw it.
   */
  static create(config: CharModelConfig, seed: number): CharModel {
    return new CharModel(config, seed);
  }

  get variables(): Readonly<Record<string, tf.Variable>> {
    const rnn = Object.entries(this.layer.variables).map(([name, v]) => [`rnn.${name}`, v]);
    return { ...this.own, ...Object.fromEntries(rnn) };
  }

  /** Input features [B, T, F] for token ids [B·T]. */
  private embed(ids: tf.Tensor1D, batch: number, steps: number): tf.Tensor3D {
    const { vocabSize: V } = this.config;
    const embedding = this.own['embedding.weight'];
    const rows = embedding ? tf.gather(embedding, ids) : oneHotFloat(ids, V);
    return tf.reshape(rows, [batch, steps, rows.shape[1] as number]);
  }

  private logits(output2d: tf.Tensor2D, weight?: tf.Tensor, bias?: tf.Tensor): tf.Tensor2D {
    return weight && bias ? matMul(output2d, weight as tf.Tensor2D, false, true, [bias as tf.Tensor1D]) : output2d;
  }

  private initialState(batch: number) {
    const c = this.carried;
    return c && c.h.shape[1] === batch ? { h0: c.h, ...(c.c ? { c0: c.c } : {}) } : {};
  }

  private keepState(hN: tf.Tensor3D, cN?: tf.Tensor3D) {
    this.resetState();
    if (this.carryState) this.carried = { h: hN, ...(cN ? { c: cN } : {}) };
    else tf.dispose([hN, cN ?? []]);
  }

  /** Forget any carried state, e.g. at the start of an epoch. */
  resetState(): void {
    tf.dispose([this.carried?.h ?? [], this.carried?.c ?? []]);
    this.carried = null;
  }

  private keepForward(tokens: tf.Tensor1D, hidden: tf.Tensor2D) {
    tf.dispose(this.lastForwardTensors ?? []);
    this.lastForwardTensors = [tokens, hidden];
  }

  /**
   * Predictions and hidden states of the forward pass inside the last `lossAndGradients` call — the
   * weights before that step's update, as a PyTorch loop printing its outputs after `optimizer.step()`.
   * Only kept when `inspectForward` is set.
   */
  async lastForward(): Promise<{ tokens: number[]; hidden: number[][] } | null> {
    if (!this.lastForwardTensors) return null;
    const [tokens, hidden] = this.lastForwardTensors;
    return { tokens: Array.from(await tokens.data()), hidden: (await hidden.array()) as number[][] };
  }

  lossAndGradients({ inputs, targets, batch, steps }: TokenBatch): { loss: tf.Scalar; gradients: Record<string, tf.Tensor> } {
    const { hiddenSize: H, reduction, vocabSize: V, embeddingSize: E } = this.config;
    const result = tidyResult(() => {
      const ids = tf.tensor1d(inputs, 'int32');
      const x = this.embed(ids, batch, steps);
      const { output, hN, cN, cache } = this.layer.forwardWithCache(x, { ...this.initialState(batch), training: (this.config.dropout ?? 0) > 0 });
      const output2d = tf.reshape(output, [batch * steps, H]) as tf.Tensor2D;
      const [weight, bias] = [this.own['fc.weight'], this.own['fc.bias']] as [tf.Tensor2D?, tf.Tensor1D?];
      const head = linearCrossEntropy(output2d, weight && bias ? { weight, bias } : null, tf.tensor1d(targets, 'int32'), reduction);
      // One-hot characters are data: only an embedding needs the gradient of the layer's input.
      const dOutput = tf.reshape(head.dOutput, output.shape) as tf.Tensor3D;
      const layerGrads = E > 0 ? this.layer.backward(cache, { dOutput }) : this.layer.backward(cache, { dOutput, inputGradient: false });
      cache.dispose();
      const gradients: Record<string, tf.Tensor> = {};
      for (const [name, g] of Object.entries(layerGrads.dParams)) gradients[`rnn.${name}`] = g;
      if (head.dWeight && head.dBias) [gradients['fc.weight'], gradients['fc.bias']] = [head.dWeight, head.dBias];
      if (E > 0) {
        // Each embedding row collects the gradients of the positions that used it: onehot(ids)ᵀ·∂L/∂rows.
        const dRows = tf.reshape(layerGrads.dInput as tf.Tensor3D, [batch * steps, E]) as tf.Tensor2D;
        gradients['embedding.weight'] = matMul(oneHotFloat(ids, V), dRows, true, false);
      }
      const inspected: [tf.Tensor1D, tf.Tensor2D] | null = this.inspectForward ? [tf.argMax(head.logits, 1), output2d] : null;
      return { loss: head.loss, gradients, hN, cN, inspected };
    });
    this.keepState(result.hN, result.cN);
    if (result.inspected) this.keepForward(...result.inspected);
    return { loss: result.loss, gradients: result.gradients };
  }

  /**
   * Logits for token ids, row-major [batch, steps], continuing from `state` (zeros when absent). No
   * gradients, no dropout: this is for generating text. The caller disposes the returned tensors.
   * @returns logits [batch·steps, V] and the state after the last step (h [L, batch, H], c for LSTM)
   */
  run(inputs: Int32Array, batch: number, steps: number, state?: ModelState): { logits: tf.Tensor2D; state: ModelState } {
    return tidyResult(() => {
      const x = this.embed(tf.tensor1d(inputs, 'int32'), batch, steps);
      const { output, hN, cN } = this.layer.predict(x, state ? { h0: state.h, ...(state.c ? { c0: state.c } : {}) } : {});
      const output2d = tf.reshape(output, [batch * steps, output.shape[2]]) as tf.Tensor2D;
      return { logits: this.logits(output2d, this.own['fc.weight'], this.own['fc.bias']), state: cN ? { h: hN, c: cN } : { h: hN } };
    });
  }

  /** The learned embedding, [V, E], or null for one-hot input. */
  async embedding(): Promise<number[][] | null> {
    const weight = this.own['embedding.weight'];
    return weight ? ((await weight.array()) as number[][]) : null;
  }

  /** Every parameter under its PyTorch module name (`embedding.weight`, `rnn.weight_ih_l0`, `fc.weight`, …). */
  async toStateDict(): Promise<StateDictJson> {
    const entries = await Promise.all(Object.entries(this.variables).map(async ([name, v]) => [name, { shape: v.shape, data: Array.from(await v.data()) }]));
    return Object.fromEntries(entries);
  }

  /** Replaces every parameter; validates everything first, so a bad file changes nothing. */
  loadStateDict(json: unknown): void {
    this.setParameters(parseStateDict(json, charModelParameterSpecs(this.config)));
  }

  /** Replaces every parameter with values `parseStateDict` has checked against `charModelParameterSpecs`. */
  setParameters(values: ReadonlyMap<string, Float32Array>): void {
    tf.tidy(() => {
      for (const [name, v] of Object.entries(this.variables)) v.assign(tf.tensor(values.get(name) as Float32Array, v.shape));
    });
  }

  dispose(): void {
    this.resetState();
    tf.dispose(this.lastForwardTensors ?? []);
    tf.dispose(Object.values(this.own));
    this.layer.dispose();
  }
}
