/**
 * What a character model of a given vocabulary costs: its parameters and the multiply-adds it spends on
 * every character it reads. The vocabulary size V enters twice, at the input (unless an embedding
 * replaces the one-hot vectors) and at the output, which always scores all V tokens; with thousands of
 * Chinese characters those two terms dwarf the recurrent layers.
 */
import { gateCount, type CellKind } from '../cells/types';

/** Above this many tokens the figure feeds an embedding instead of one-hot vectors unless told otherwise. */
export const LARGE_VOCABULARY = 128;
/** The embedding width the figure picks for a large vocabulary. */
export const LARGE_VOCABULARY_EMBEDDING = 32;

export interface CharModelCost {
  /** Parameters of the input side: the embedding table (V·e), or none for one-hot input. */
  embeddingParameters: number;
  /** Parameters of the recurrent layers, biases included (PyTorch keeps two bias vectors per layer). */
  recurrentParameters: number;
  /** Parameters of the output layer: V·h weights and V biases. */
  outputParameters: number;
  totalParameters: number;
  /** Multiply-adds per character in the first layer's input product: V·G·h for one-hot (a dense product, as this engine computes it), e·G·h after an embedding lookup. */
  inputMultiplyAdds: number;
  /** Multiply-adds per character in every other product of the recurrent layers. */
  recurrentMultiplyAdds: number;
  /** Multiply-adds per character in the output layer: h·V. */
  outputMultiplyAdds: number;
  totalMultiplyAdds: number;
}

/**
 * The cost of `embedding (or one-hot) → numLayers recurrent layers of hiddenSize → Linear(hiddenSize, V)`.
 * @param vocabSize V, `<unk>` included
 * @param embeddingSize e, or 0 for one-hot input of width V
 */
export function charModelCost(vocabSize: number, options: { kind: CellKind; hiddenSize: number; numLayers: number; embeddingSize: number }): CharModelCost {
  const { hiddenSize: h, numLayers, embeddingSize: e } = options;
  const rows = gateCount(options.kind) * h;
  const firstInput = e > 0 ? e : vocabSize;
  const embeddingParameters = e > 0 ? vocabSize * e : 0;
  // Every layer: weight_ih [G·h, in], weight_hh [G·h, h], bias_ih and bias_hh [G·h].
  const recurrentParameters = rows * (firstInput + h + 2) + (numLayers - 1) * rows * (h + h + 2);
  const outputParameters = vocabSize * h + vocabSize;
  const inputMultiplyAdds = rows * firstInput;
  const recurrentMultiplyAdds = rows * h + (numLayers - 1) * rows * 2 * h;
  const outputMultiplyAdds = h * vocabSize;
  return {
    embeddingParameters,
    recurrentParameters,
    outputParameters,
    totalParameters: embeddingParameters + recurrentParameters + outputParameters,
    inputMultiplyAdds,
    recurrentMultiplyAdds,
    outputMultiplyAdds,
    totalMultiplyAdds: inputMultiplyAdds + recurrentMultiplyAdds + outputMultiplyAdds,
  };
}
