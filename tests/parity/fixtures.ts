/**
 * Reading `rnn-parity/1` fixtures and checking the engine against them: builds the layer a fixture
 * describes, runs forward and the analytic backward, and compares every tensor within the spec's tolerance.
 */
import { readdirSync, readFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { RecurrentLayer } from '../../src/core/layer/layer';
import { parseTensorJson, type TensorJson } from '../../src/core/layer/stateDict';
import * as tf from '../../src/core/runtime/tf';

export interface ParityFixture {
  format: string;
  name: string;
  kind: 'RNN' | 'LSTM' | 'GRU';
  config: {
    input_size: number;
    hidden_size: number;
    num_layers: number;
    bias: boolean;
    batch_first: boolean;
    bidirectional: boolean;
    nonlinearity: 'tanh' | 'relu';
  };
  params: Record<string, TensorJson>;
  input: TensorJson;
  h0: TensorJson | null;
  c0: TensorJson | null;
  expected: { output: TensorJson; h_n: TensorJson; c_n: TensorJson | null };
  grad_output: TensorJson;
  grad_h_n: TensorJson;
  grad_c_n: TensorJson | null;
  expected_grads: Record<string, TensorJson>;
}

/** The folder named by PARITY_FIXTURES_DIR, else the committed fixtures. */
export function fixturesDir(): string {
  return resolve(process.env.PARITY_FIXTURES_DIR ?? 'tests/fixtures/torch');
}

/** Every `*.json` fixture in the folder, sorted by file name. */
export function loadFixtures(dir = fixturesDir()): { file: string; fixture: ParityFixture }[] {
  return readdirSync(dir)
    .filter((f) => f.endsWith('.json'))
    .sort()
    .map((file) => ({ file, fixture: JSON.parse(readFileSync(join(dir, file), 'utf8')) as ParityFixture }));
}

/** The spec's tolerance for float32 against float64. */
export const tolerance = (want: number) => 1e-4 + 1e-3 * Math.abs(want);

/** Compares one tensor; returns a message naming the worst element, or null when every element passes. */
export async function compareTensor(label: string, got: tf.Tensor, want: TensorJson): Promise<string | null> {
  const expected = parseTensorJson(want, label);
  if (got.shape.join() !== expected.shape.join()) {
    return `${label}: shape [${got.shape.join(', ')}], expected [${expected.shape.join(', ')}]`;
  }
  const values = await got.data();
  let worst = -1;
  let worstExcess = 0;
  expected.values.forEach((_, k) => {
    // Compare against the float64 value from JSON, not its float32 rounding.
    const w = (want.data ?? [])[k] ?? expected.values[k];
    const excess = Math.abs(values[k] - w) - tolerance(w);
    if (!(excess <= worstExcess)) {
      worst = k;
      worstExcess = Number.isNaN(excess) ? Infinity : excess;
    }
  });
  if (worst < 0) return null;
  const w = (want.data ?? [])[worst] ?? expected.values[worst];
  const index = unravel(worst, expected.shape);
  return `${label}: worst element [${index.join(', ')}]: got ${values[worst]}, want ${w}, |diff| ${Math.abs(values[worst] - w).toExponential(3)} > ${tolerance(w).toExponential(3)}`;
}

function unravel(flat: number, shape: number[]): number[] {
  const index = new Array<number>(shape.length);
  for (let d = shape.length - 1; d >= 0; d--) {
    index[d] = flat % shape[d];
    flat = Math.floor(flat / shape[d]);
  }
  return index;
}

const toTensor = (json: TensorJson, label: string) => {
  const { shape, values } = parseTensorJson(json, label);
  return tf.tensor<tf.Rank>(values, shape) as tf.Tensor3D;
};

/** Runs one fixture on the current backend; returns how many tensors were compared and any mismatches. */
export async function checkFixture(fixture: ParityFixture): Promise<{ tensors: number; failures: string[] }> {
  if (fixture.format !== 'rnn-parity/1') throw new Error(`${fixture.name}: unknown format ${fixture.format}`);
  const c = fixture.config;
  const layer = RecurrentLayer.create(
    {
      kind: fixture.kind,
      inputSize: c.input_size,
      hiddenSize: c.hidden_size,
      numLayers: c.num_layers,
      bias: c.bias,
      batchFirst: c.batch_first,
      bidirectional: c.bidirectional,
      nonlinearity: c.nonlinearity,
    },
    0,
  );
  const owned: tf.Tensor[] = [];
  const make = (json: TensorJson | null, label: string) => {
    if (!json) return undefined;
    const t = toTensor(json, label);
    owned.push(t);
    return t;
  };
  try {
    layer.loadStateDict(fixture.params);
    const input = make(fixture.input, 'input') as tf.Tensor3D;
    const { output, hN, cN, cache } = layer.forwardWithCache(input, {
      h0: make(fixture.h0, 'h0'),
      c0: make(fixture.c0, 'c0'),
    });
    const grads = layer.backward(cache, {
      dOutput: make(fixture.grad_output, 'grad_output'),
      dHN: make(fixture.grad_h_n, 'grad_h_n'),
      dCN: make(fixture.grad_c_n, 'grad_c_n'),
    });
    cache.dispose();
    owned.push(output, hN, ...(cN ? [cN] : []), grads.dInput, grads.dH0, ...(grads.dC0 ? [grads.dC0] : []));
    owned.push(...Object.values(grads.dParams));
    const pairs: [string, tf.Tensor | undefined, TensorJson | null][] = [
      ['output', output, fixture.expected.output],
      ['h_n', hN, fixture.expected.h_n],
      ['c_n', cN, fixture.expected.c_n],
    ];
    for (const [name, want] of Object.entries(fixture.expected_grads)) {
      const got = name === 'input' ? grads.dInput : name === 'h0' ? grads.dH0 : name === 'c0' ? grads.dC0 : grads.dParams[name];
      pairs.push([`grad ${name}`, got, want]);
    }
    const failures: string[] = [];
    let tensors = 0;
    for (const [label, got, want] of pairs) {
      if (!want && !got) continue;
      tensors++;
      if (!got || !want) {
        failures.push(`${label}: ${got ? 'not in the fixture' : 'not computed'}`);
        continue;
      }
      const message = await compareTensor(label, got, want);
      if (message) failures.push(message);
    }
    return { tensors, failures };
  } finally {
    tf.dispose(owned);
    layer.dispose();
  }
}
