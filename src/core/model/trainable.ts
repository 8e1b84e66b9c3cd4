/** What the training loop (`train/trainer.ts`) needs of a model, so models need not know the loop. */
import type * as tf from '../runtime/tf';

/** A model the loop can train: named variables, and the loss and gradients of one batch. */
export interface TrainableModel<Batch> {
  /** The parameters the optimiser updates, keyed by their PyTorch `state_dict` names. */
  readonly variables: Readonly<Record<string, tf.Variable>>;
  /**
   * Loss of one batch (a scalar) and its gradient for every variable, same names and shapes.
   * The loop disposes both.
   */
  lossAndGradients(batch: Batch): { loss: tf.Scalar; gradients: Record<string, tf.Tensor> };
}
