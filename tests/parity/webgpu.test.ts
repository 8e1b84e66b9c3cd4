/**
 * PyTorch parity on the WebGPU backend, in Node through Dawn and SwiftShader: one fixture per kind (the
 * smallest with more than one time step, as software Vulkan is slow). Fails, never skips, when WebGPU
 * cannot start.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import * as tf from '../../src/core/runtime/tf';
import { checkFixture, fixturesDir, loadFixtures, type ParityFixture } from './fixtures';
import { useWebGpuInNode } from './webgpuNode';

const cost = ({ input, config }: ParityFixture) =>
  input.shape.reduce((a, b) => a * b, 1) * config.num_layers * (config.bidirectional ? 2 : 1);
const steps = ({ input, config }: ParityFixture) => input.shape[config.batch_first ? 1 : 0];

/** Per kind, the cheapest fixture with at least two steps (or the cheapest at all). */
const picked = (['RNN', 'LSTM', 'GRU'] as const).flatMap((kind) => {
  const ofKind = loadFixtures().filter(({ fixture }) => fixture.kind === kind);
  const candidates = ofKind.some(({ fixture }) => steps(fixture) > 1) ? ofKind.filter(({ fixture }) => steps(fixture) > 1) : ofKind;
  return candidates.sort((a, b) => cost(a.fixture) - cost(b.fixture)).slice(0, 1);
});
let tensorsChecked = 0;

describe(`PyTorch parity on webgpu (Dawn in Node, ${fixturesDir()})`, () => {
  beforeAll(async () => {
    const adapter = await useWebGpuInNode();
    console.log(`webgpu adapter: ${adapter}`);
  }, 120_000);

  afterAll(() => {
    console.log(`parity (webgpu): ${picked.length} fixtures, ${tensorsChecked} tensors checked`);
  });

  it('runs on the webgpu backend', () => {
    expect(tf.getBackend()).toBe('webgpu');
    expect(tf.env().getBool('WEBGPU_CPU_FORWARD')).toBe(false);
    expect(picked.length, 'one fixture per kind').toBeGreaterThan(0);
  });

  it.each(picked)('$file', async ({ file, fixture }) => {
    const { tensors, failures } = await checkFixture(fixture);
    expect(failures, `fixture ${file} (${fixture.name}) on webgpu:\n  ${failures.join('\n  ')}`).toEqual([]);
    tensorsChecked += tensors;
  });
});
