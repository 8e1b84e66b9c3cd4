import { beforeAll, describe, expect, it } from 'vitest';
import * as tf from '../../src/core/runtime/tf';
import { checkHelloRun, helloRuns } from './helloRuns';
import { useWebGpuInNode } from './webgpuNode';

const firstOfEach = (['cell', 'rnn', 'embedding'] as const).map((variant) => helloRuns.find((run) => run.variant === variant)!);

describe('hello → ohlol training matches PyTorch epoch by epoch (webgpu, Dawn in Node)', () => {
  beforeAll(() => useWebGpuInNode(), 120_000);

  it.each(firstOfEach.map((run) => [`${run.variant} seed ${run.seed}`, run]))('%s', async (_, run) => {
    expect(tf.getBackend()).toBe('webgpu');
    await checkHelloRun(run);
  });
});
