/**
 * What goes into and comes out of a recurrent layer (`layer.ts`): forward options, outputs, upstream and
 * analytic gradients, and the cache a forward pass keeps for backward. Shapes as PyTorch documents them.
 */
import { cacheTensors, type SequenceCache } from './direction';
import * as tf from '../runtime/tf';

/** Shapes: T steps, B batch, L·D = layers × directions, H hidden. */
export interface LayerForwardOptions {
  /** h0: [L·D, B, H]; zeros when absent */
  h0?: tf.Tensor3D;
  /** c0: [L·D, B, H] (LSTM only); zeros when absent */
  c0?: tf.Tensor3D;
  /** apply dropout between layers (default false, as in `module.eval()`) */
  training?: boolean;
}

/** What a forward pass returns, as `torch.nn.RNN` does: output and h_n (and c_n). */
export interface LayerOutput {
  /** output: [T, B, D·H], or [B, T, D·H] when batchFirst — the last layer's h_t for every t */
  output: tf.Tensor3D;
  /** h_n: [L·D, B, H] — each layer and direction's final hidden state */
  hN: tf.Tensor3D;
  /** c_n: [L·D, B, H] (LSTM only) */
  cN?: tf.Tensor3D;
}

/** Upstream gradients; an absent one counts as zero. Shapes as in `LayerOutput`. */
export interface LayerUpstream {
  dOutput?: tf.Tensor3D;
  dHN?: tf.Tensor3D;
  dCN?: tf.Tensor3D;
  /**
   * false when the input is data (one-hot characters) whose gradient nobody reads: the first layer then
   * skips its product with W_ih, and `dInput` is null. Default true.
   */
  inputGradient?: boolean;
}

/** The analytic gradients of a loss through the whole layer. */
export interface LayerGradients {
  /** ∂L/∂input, shaped like the input */
  dInput: tf.Tensor3D;
  /** ∂L/∂h0: [L·D, B, H] */
  dH0: tf.Tensor3D;
  /** ∂L/∂c0: [L·D, B, H] (LSTM only) */
  dC0?: tf.Tensor3D;
  /** ∂L/∂θ under PyTorch's parameter names */
  dParams: Record<string, tf.Tensor>;
}

/** The tensors a forward pass keeps for `backward`. Dispose it when done. */
export class LayerCache {
  constructor(
    /** per layer: its directions' caches and the dropout mask applied to its output (or null) */
    readonly layers: { directions: SequenceCache[]; dropoutMask: tf.Tensor3D | null }[],
  ) {}

  /** Releases every tensor the forward pass kept (the layer's parameters are not touched). */
  dispose(): void {
    for (const layer of this.layers) {
      tf.dispose(layer.dropoutMask ?? []);
      for (const d of layer.directions) tf.dispose(cacheTensors(d));
    }
  }
}
