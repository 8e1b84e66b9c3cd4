import { describe, it } from 'vitest';
import { checkInitCase, initCases } from './initFixtures';

describe("initial weights and draws are PyTorch's, bit for bit, after manual_seed", () => {
  it.each(initCases.map((c) => [`${c.name} seed ${c.seed}`, c]))('%s', (_, initCase) => checkInitCase(initCase));
});
