/**
 * Same seed, same story: a hello model built from a seed alone starts from the weights that
 * `torch.manual_seed(seed)` gives PyTorch's (bit for bit), and its 15-epoch run ends on the prediction that
 * PyTorch's ends on (fixtures: make_hello_fixture.py, with and without --predictions).
 */
import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { createHelloModel, helloDefaults, trainHello, type HelloVariant } from '../../src/core/train/hello';
import { helloRuns } from './helloRuns';

const last = (JSON.parse(readFileSync('tests/fixtures/torch-training/hello-predictions.json', 'utf8')) as { last: Record<HelloVariant, string[]> }).last;

/** Per variant, seeds 0-3 and the first two seeds after them on which PyTorch's run fails (if any). */
const checkedSeeds = (['cell', 'rnn', 'embedding'] as const).flatMap((variant) => {
  const failing = last[variant].map((p, seed) => (p !== 'ohlol' && seed > 3 ? seed : -1)).filter((seed) => seed >= 0);
  return [0, 1, 2, 3, ...failing.slice(0, 2)].map((seed) => [`${variant} seed ${seed}`, variant, seed] as const);
});

describe("hello models from a seed alone are PyTorch's", () => {
  it.each(helloRuns.map((run) => [`${run.variant} seed ${run.seed}`, run]))('%s: initial weights, bit for bit', async (_, run) => {
    const model = createHelloModel({ ...helloDefaults(run.variant), seed: run.seed });
    try {
      for (const [name, variable] of Object.entries(model.variables)) {
        const want = Float32Array.from((run.init[name] as { data: number[] }).data);
        expect(Array.from(await variable.data()), name).toEqual(Array.from(want));
      }
      expect(Object.keys(model.variables).sort()).toEqual(Object.keys(run.init).sort());
    } finally {
      model.dispose();
    }
  });

  it.each(checkedSeeds)('%s: the last epoch predicts what PyTorch predicts', async (_, variant, seed) => {
    let prediction = '';
    for await (const epoch of trainHello({ ...helloDefaults(variant), seed })) prediction = epoch.prediction;
    expect(prediction).toBe(last[variant][seed]);
  });
});
