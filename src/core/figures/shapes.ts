/**
 * Every shape a recurrent layer involves, found by building the layer and running a forward pass on a
 * zero input — so the numbers are the engine's own, not a formula table's.
 */
import { RecurrentLayer, type LayerConfig } from '../layer/layer';
import * as tf from '../runtime/tf';

export interface ShapeReport {
  /** PyTorch's parameter names with their shapes, in `named_parameters()` order. */
  parameters: { name: string; shape: number[] }[];
  /** Total number of scalars over all parameters. */
  total: number;
  input: number[];
  h0: number[];
  /** Present for LSTM only. */
  c0?: number[];
  output: number[];
  hN: number[];
  /** Present for LSTM only. */
  cN?: number[];
  /** The equivalent PyTorch constructor, e.g. `nn.LSTM(10, 20, num_layers=2)`. */
  constructorLine: string;
}

/** The PyTorch line that builds the same layer, naming only arguments that differ from the defaults. */
export function torchConstructor(config: LayerConfig): string {
  const args = [String(config.inputSize), String(config.hiddenSize)];
  if ((config.numLayers ?? 1) !== 1) args.push(`num_layers=${config.numLayers}`);
  if (config.kind === 'RNN' && config.nonlinearity === 'relu') args.push("nonlinearity='relu'");
  if (config.bias === false) args.push('bias=False');
  if (config.batchFirst) args.push('batch_first=True');
  if (config.dropout) args.push(`dropout=${config.dropout}`);
  if (config.bidirectional) args.push('bidirectional=True');
  return `nn.${config.kind}(${args.join(', ')})`;
}

/**
 * Builds `config`, feeds it a zero sequence of `seqLength` × `batch`, and reports every shape.
 * Everything it allocates is released before it returns.
 */
export function exploreShapes(config: LayerConfig, seqLength: number, batch: number): ShapeReport {
  const layer = RecurrentLayer.create(config, 0);
  try {
    const shapes = layer.parameterShapes();
    const parameters = layer.parameterNames().map((name) => ({ name, shape: shapes[name] }));
    const stateShape = [(config.numLayers ?? 1) * (config.bidirectional ? 2 : 1), batch, config.hiddenSize];
    const input = config.batchFirst ? [batch, seqLength, config.inputSize] : [seqLength, batch, config.inputSize];
    const zeros: tf.Tensor3D = tf.zeros(input as [number, number, number]);
    const result = layer.forward(zeros);
    const [output, hN, cN] = [result.output.shape, result.hN.shape, result.cN?.shape];
    tf.dispose([zeros, result.output, result.hN, result.cN ?? []]);
    return {
      parameters,
      total: layer.numParameters(),
      input,
      h0: stateShape,
      ...(config.kind === 'LSTM' ? { c0: stateShape, cN } : {}),
      output,
      hN,
      constructorLine: torchConstructor(config),
    };
  } finally {
    layer.dispose();
  }
}
