/**
 * The arguments of `torch.nn.RNN/LSTM/GRU` and the parameter names and shapes they imply, in PyTorch's
 * order: for each layer k, for each direction ('' then '_reverse'): weight_ih, weight_hh, bias_ih, bias_hh.
 */
import { CELL_KINDS, gateCount, type CellKind, type CellParams, type Nonlinearity } from '../cells/types';

/** A recurrent layer's constructor arguments (PyTorch's, in camelCase). */
export interface LayerConfig {
  kind: CellKind;
  inputSize: number;
  hiddenSize: number;
  /** stacked layers; layer k ≥ 1 reads the previous layer's output (default 1) */
  numLayers?: number;
  /** whether the four bias vectors exist (default true) */
  bias?: boolean;
  /** input and output as [batch, seq, feature] instead of [seq, batch, feature] (default false) */
  batchFirst?: boolean;
  /** run a second direction from the end of the sequence and concatenate its outputs (default false) */
  bidirectional?: boolean;
  /** RNN only (default 'tanh') */
  nonlinearity?: Nonlinearity;
  /** dropout probability on each layer's output except the last, in training only (default 0) */
  dropout?: number;
}

/** A config with every default filled in. */
export type ResolvedLayerConfig = Required<LayerConfig>;

/** Which of a direction's four parameters a name refers to. */
export type ParameterRole = keyof CellParams;

/** One parameter: its PyTorch name, shape, and where it sits. */
export interface ParameterSpec {
  /** PyTorch's name, e.g. `weight_hh_l1_reverse` */
  name: string;
  shape: number[];
  layer: number;
  /** 0 forward, 1 reverse */
  direction: number;
  role: ParameterRole;
}

/** Throws, naming the field, unless `value` is a whole number ≥ 1. */
export function positiveInteger(value: number, field: string): void {
  if (!Number.isInteger(value) || value < 1) throw new Error(`${field} must be a whole number of at least 1, got ${value}`);
}

/** Fills in PyTorch's defaults and rejects arguments PyTorch would reject. */
export function resolveLayerConfig(config: LayerConfig): ResolvedLayerConfig {
  // Field by field, so that an explicit `undefined` means "default" as it does in PyTorch's keywords.
  const resolved: ResolvedLayerConfig = {
    kind: config.kind,
    inputSize: config.inputSize,
    hiddenSize: config.hiddenSize,
    numLayers: config.numLayers ?? 1,
    bias: config.bias ?? true,
    batchFirst: config.batchFirst ?? false,
    bidirectional: config.bidirectional ?? false,
    nonlinearity: config.nonlinearity ?? 'tanh',
    dropout: config.dropout ?? 0,
  };
  if (!CELL_KINDS.includes(resolved.kind)) throw new Error(`kind must be RNN, LSTM or GRU, got ${String(resolved.kind)}`);
  positiveInteger(resolved.inputSize, 'inputSize');
  positiveInteger(resolved.hiddenSize, 'hiddenSize');
  positiveInteger(resolved.numLayers, 'numLayers');
  if (resolved.nonlinearity !== 'tanh' && resolved.nonlinearity !== 'relu') {
    throw new Error(`nonlinearity must be 'tanh' or 'relu', got ${String(resolved.nonlinearity)}`);
  }
  if (resolved.kind !== 'RNN' && resolved.nonlinearity !== 'tanh') {
    throw new Error(`nonlinearity applies to RNN only; ${resolved.kind} has fixed activations`);
  }
  if (!(resolved.dropout >= 0 && resolved.dropout < 1)) throw new Error(`dropout must be in [0, 1), got ${resolved.dropout}`);
  return resolved;
}

/** Number of directions: 2 when bidirectional. */
export function directionCount(config: ResolvedLayerConfig): number {
  return config.bidirectional ? 2 : 1;
}

/** The input width of layer k: the input size for k = 0, else directions·hidden. */
export function layerInputSize(config: ResolvedLayerConfig, layer: number): number {
  return layer === 0 ? config.inputSize : directionCount(config) * config.hiddenSize;
}

/** PyTorch's name for one parameter, e.g. ('weightHh', 1, 1) → `weight_hh_l1_reverse`. */
export function parameterName(role: ParameterRole, layer: number, direction: number): string {
  const base = { weightIh: 'weight_ih', weightHh: 'weight_hh', biasIh: 'bias_ih', biasHh: 'bias_hh' }[role];
  return `${base}_l${layer}${direction === 1 ? '_reverse' : ''}`;
}

/** Every parameter of a layer in PyTorch's `named_parameters()` order. */
export function parameterSpecs(config: ResolvedLayerConfig): ParameterSpec[] {
  const rows = gateCount(config.kind) * config.hiddenSize;
  const specs: ParameterSpec[] = [];
  for (let layer = 0; layer < config.numLayers; layer++) {
    for (let direction = 0; direction < directionCount(config); direction++) {
      const shapes: [ParameterRole, number[]][] = [
        ['weightIh', [rows, layerInputSize(config, layer)]],
        ['weightHh', [rows, config.hiddenSize]],
      ];
      if (config.bias) shapes.push(['biasIh', [rows]], ['biasHh', [rows]]);
      for (const [role, shape] of shapes) {
        specs.push({ name: parameterName(role, layer, direction), shape, layer, direction, role });
      }
    }
  }
  return specs;
}

/** Each parameter's element count in `parameterSpecs` order, as `p.numel()` over `module.parameters()`. */
export function parameterCounts(config: ResolvedLayerConfig): number[] {
  return parameterSpecs(config).map((spec) => spec.shape.reduce((a, b) => a * b, 1));
}
