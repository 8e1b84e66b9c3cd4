/**
 * Every fixture in PARITY_FIXTURES_DIR (default tests/fixtures/torch) on the tfjs CPU backend: forward
 * results and every gradient must match PyTorch within 1e-4 + 1e-3·|want|.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import * as tf from '../../src/core/runtime/tf';
import { checkFixture, fixturesDir, loadFixtures } from './fixtures';

const fixtures = loadFixtures();
let fixturesChecked = 0;
let tensorsChecked = 0;

describe(`PyTorch parity on cpu (${fixturesDir()})`, () => {
  beforeAll(async () => {
    await tf.setBackend('cpu');
  });

  afterAll(() => {
    console.log(`parity (cpu): ${fixturesChecked} fixtures, ${tensorsChecked} tensors checked`);
  });

  it('finds fixtures', () => {
    expect(fixtures.length, `no *.json fixtures in ${fixturesDir()}`).toBeGreaterThan(0);
  });

  it.each(fixtures)('$file', async ({ file, fixture }) => {
    const { tensors, failures } = await checkFixture(fixture);
    expect(failures, `fixture ${file} (${fixture.name}):\n  ${failures.join('\n  ')}`).toEqual([]);
    fixturesChecked++;
    tensorsChecked += tensors;
  });
});
