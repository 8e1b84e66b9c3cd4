/**
 * Reading `torch-init/1` fixtures (tests/parity/make_init_fixtures.py) and replaying a case on the engine's
 * generator: one `TorchGenerator` per case, each step drawn from it in order, as PyTorch draws each module
 * from its default generator after `torch.manual_seed`.
 */
import { readFileSync } from 'node:fs';
import { expect } from 'vitest';
import { RecurrentLayer } from '../../src/core/layer/layer';
import { embeddingWeight, linearParameters, randint, randn, TorchGenerator } from '../../src/core/random';

export interface InitTensor {
  shape: number[];
  dtype: 'float32' | 'int64';
  base64: string;
}

export interface InitStep {
  op: string;
  args: Record<string, number | boolean | string | number[]>;
  tensors: Record<string, InitTensor>;
}

export interface InitCase {
  name: string;
  seed: number;
  steps: InitStep[];
}

export const initCases: InitCase[] = JSON.parse(readFileSync('tests/fixtures/torch-init/init.json', 'utf8')).cases;

/** A fixture tensor's raw bits: float32 as their 32-bit patterns, int64 as their low 32-bit words. */
export function fixtureBits(tensor: InitTensor): Uint32Array {
  const bytes = Buffer.from(tensor.base64, 'base64');
  const words = new Uint32Array(bytes.buffer, bytes.byteOffset, bytes.byteLength / 4);
  return tensor.dtype === 'int64' ? words.filter((_, k) => k % 2 === 0) : Uint32Array.from(words);
}

/** Fails with the first element whose bits differ, naming the tensor. */
export function expectSameBits(label: string, got: Float32Array | Int32Array, want: InitTensor): void {
  const gotBits = new Uint32Array(got.buffer, got.byteOffset, got.length);
  const wantBits = fixtureBits(want);
  expect(gotBits.length, `${label}: element count`).toBe(wantBits.length);
  const index = gotBits.findIndex((bits, k) => bits !== wantBits[k]);
  if (index >= 0) {
    const asFloat = (bits: number) => new Float32Array(Uint32Array.of(bits).buffer)[0];
    expect.fail(`${label}[${index}]: engine ${asFloat(gotBits[index])}, PyTorch ${asFloat(wantBits[index])}`);
  }
}

const CELL_KINDS: Record<string, 'RNN' | 'LSTM' | 'GRU'> = { RNN: 'RNN', LSTM: 'LSTM', GRU: 'GRU', RNNCell: 'RNN', LSTMCell: 'LSTM', GRUCell: 'GRU' };

/** One step on the engine: the tensors it draws under the fixture's names (a cell's names lack `_l0`). */
async function runStep(generator: TorchGenerator, { op, args }: InitStep): Promise<Record<string, Float32Array | Int32Array>> {
  const number = (key: string) => args[key] as number;
  const size = () => (args.size as number[]).reduce((a, b) => a * b, 1);
  if (op === 'randn') return { value: randn(generator, size()) };
  if (op === 'randint') return { value: randint(generator, size(), number('low'), number('high')) };
  if (op === 'Embedding') return { weight: embeddingWeight(generator, number('num_embeddings'), number('embedding_dim')) };
  if (op === 'Linear') {
    const { weight, bias } = linearParameters(generator, number('in_features'), number('out_features'), args.bias !== false);
    return bias ? { weight, bias } : { weight };
  }
  const layer = RecurrentLayer.create(
    {
      kind: CELL_KINDS[op],
      inputSize: number('input_size'),
      hiddenSize: number('hidden_size'),
      numLayers: (args.num_layers as number | undefined) ?? 1,
      bidirectional: args.bidirectional === true,
      bias: args.bias !== false,
    },
    generator,
  );
  try {
    const entries = await Promise.all(Object.entries(layer.variables).map(async ([name, v]) => [name, (await v.data()) as Float32Array] as const));
    return Object.fromEntries(entries.map(([name, values]) => [op.endsWith('Cell') ? name.replace(/_l0$/, '') : name, values]));
  } finally {
    layer.dispose();
  }
}

/** Replays a case on a fresh generator seeded as the case was and checks every tensor's bits. */
export async function checkInitCase(initCase: InitCase): Promise<void> {
  const generator = new TorchGenerator(initCase.seed);
  for (const [k, step] of initCase.steps.entries()) {
    const got = await runStep(generator, step);
    expect(Object.keys(got).sort(), `step ${k} (${step.op}) names`).toEqual(Object.keys(step.tensors).sort());
    for (const [name, want] of Object.entries(step.tensors)) expectSameBits(`step ${k} ${step.op}.${name}`, got[name], want);
  }
}
