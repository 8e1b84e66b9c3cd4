/**
 * Training parity: from PyTorch's own initial weights, the engine's "hello" → "ohlol" runs must follow
 * PyTorch's losses epoch by epoch and make the same predictions (fixture: make_hello_fixture.py).
 */
import { readFileSync } from 'node:fs';
import { expect } from 'vitest';
import { createHelloModel, helloDefaults, trainHello, type HelloVariant } from '../../src/core/train/hello';

export interface HelloRun {
  variant: HelloVariant;
  seed: number;
  init: Record<string, unknown>;
  losses: number[];
  predictions: string[];
}

export const helloRuns = (JSON.parse(readFileSync('tests/fixtures/torch-training/hello.json', 'utf8')) as { runs: HelloRun[] }).runs;

/** Trains from a run's PyTorch initial weights and checks every epoch's loss and prediction. */
export async function checkHelloRun(run: HelloRun): Promise<void> {
  const options = helloDefaults(run.variant);
  const model = createHelloModel(options);
  model.loadStateDict(run.init);
  const losses: number[] = [];
  const predictions: string[] = [];
  for await (const epoch of trainHello(options, undefined, model)) {
    losses.push(epoch.loss);
    predictions.push(epoch.prediction);
  }
  model.dispose();
  losses.forEach((loss, k) => expect(Math.abs(loss - run.losses[k]), `epoch ${k + 1}`).toBeLessThanOrEqual(1e-4 + 1e-3 * Math.abs(run.losses[k])));
  expect(predictions).toEqual(run.predictions);
}
