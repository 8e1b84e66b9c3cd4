/**
 * PyTorch state_dicts as JSON: round trips, nested lists, and clear errors that leave the layer as it was.
 */
import { afterAll, describe, expect, it } from 'vitest';
import { RecurrentLayer } from '../../../src/core/layer/layer';
import { parseTensorJson } from '../../../src/core/layer/stateDict';
import * as tf from '../../../src/core/runtime/tf';
import { thrownInEnglish } from './thrownInEnglish';

const before = tf.memory().numTensors;
afterAll(() => expect(tf.memory().numTensors).toBe(before));

const config = { kind: 'GRU', inputSize: 2, hiddenSize: 3, numLayers: 2 } as const;

describe('state_dict JSON', () => {
  it('round-trips through JSON text and accepts nested lists', async () => {
    const source = RecurrentLayer.create(config, 1);
    const target = RecurrentLayer.create(config, 2);
    const dict = await source.toStateDict();
    target.loadStateDict(JSON.stringify(dict));
    expect(await target.toStateDict()).toEqual(dict);

    const nested = Object.fromEntries(
      Object.entries(dict).map(([name, { shape, data }]) => [
        name,
        shape.length === 1 ? data : Array.from({ length: shape[0] }, (_, r) => data.slice(r * shape[1], (r + 1) * shape[1])),
      ]),
    );
    const third = RecurrentLayer.create(config, 3);
    third.loadStateDict(nested);
    expect(await third.toStateDict()).toEqual(dict);
    [source, target, third].forEach((l) => l.dispose());
  });

  it.each([
    ['a missing name', (d: Record<string, unknown>) => delete d.bias_hh_l1, /missing parameter 'bias_hh_l1'/],
    ['an extra name', (d: Record<string, unknown>) => (d.weight_ih_l2 = { shape: [9, 3], data: new Array(27).fill(0) }), /unexpected parameter 'weight_ih_l2'/],
    ['a wrong shape', (d: Record<string, unknown>) => (d.weight_hh_l0 = { shape: [3, 9], data: new Array(27).fill(0) }), /'weight_hh_l0' has shape \[3, 9\] but the layer needs \[9, 3\]/],
    ['too few values', (d: Record<string, unknown>) => (d.bias_ih_l0 = { shape: [9], data: [1, 2] }), /'bias_ih_l0' has 2 values but its shape \[9\] needs 9/],
    ['a non-finite value', (d: Record<string, unknown>) => ((d.bias_ih_l1 as { data: number[] }).data[4] = Infinity), /'bias_ih_l1' holds a non-finite value \(Infinity\) at index 4/],
    ['a float32 overflow', (d: Record<string, unknown>) => ((d.weight_ih_l1 as { data: number[] }).data[0] = 1e39), /'weight_ih_l1' holds a non-finite value/],
    ['a string value', (d: Record<string, unknown>) => ((d.weight_ih_l0 as { data: unknown[] }).data[1] = 'NaN'), /'weight_ih_l0' holds a non-number \("NaN"\) at index 1/],
    ['a ragged nested list', (d: Record<string, unknown>) => (d.weight_ih_l0 = [[1, 2], [3]]), /'weight_ih_l0' is not a rectangular nested array/],
    ['not a tensor', (d: Record<string, unknown>) => (d.weight_ih_l0 = 'zeros'), /'weight_ih_l0' must be/],
  ])('rejects %s and leaves the layer unchanged', async (_, corrupt, message) => {
    const layer = RecurrentLayer.create(config, 1);
    const original = await layer.toStateDict();
    const bad = structuredClone(original) as Record<string, unknown>;
    // Change a valid entry too, so a partial load would show.
    (bad.weight_hh_l1 as { data: number[] }).data[0] = 42;
    corrupt(bad);
    expect(thrownInEnglish(() => layer.loadStateDict(bad))).toMatch(message);
    expect(await layer.toStateDict()).toEqual(original);
    layer.dispose();
  });

  it('rejects a top level that is not an object', () => {
    const layer = RecurrentLayer.create(config, 1);
    expect(thrownInEnglish(() => layer.loadStateDict([1, 2]))).toMatch(/JSON object/);
    layer.dispose();
  });

  it('rejects deeply nested text with a message, not a stack overflow', () => {
    const layer = RecurrentLayer.create(config, 1);
    const depth = 100_000;
    expect(thrownInEnglish(() => layer.loadStateDict(`{"weight_ih_l0": ${'['.repeat(depth)}${']'.repeat(depth)}}`))).toMatch(/nests brackets/);
    layer.dispose();
  });

  it('reads the shape of a nested list', () => {
    expect(parseTensorJson([[[1], [2]], [[3], [4]]], 't').shape).toEqual([2, 2, 1]);
  });
});
