import { describe, it } from 'vitest';
import { concatIdentity } from '../../src/core/figures/concatIdentity';
import { makeInputs } from '../../src/core/figures/inputPatterns';
import { stepperData } from '../../src/core/figures/stepperSetup';
import { checkInitCase, expectSameBits, initCases } from './initFixtures';

describe("initial weights and draws are PyTorch's, bit for bit, after manual_seed", () => {
  it.each(initCases.map((c) => [`${c.name} seed ${c.seed}`, c]))('%s', (_, initCase) => checkInitCase(initCase));
});

describe("the steppers' problems are PyTorch's draws after the same modules", () => {
  const stepperCases = initCases.filter((c) => c.name.startsWith('stepper_'));
  it.each(stepperCases.map((c) => [`${c.name} seed ${c.seed}`, c]))('%s', (_, initCase) => {
    const [cell, ...rest] = initCase.steps;
    const withLoss = rest[0].op === 'Linear';
    const x = rest[withLoss ? 1 : 0];
    const [seqLength, , inputSize] = x.args.size as number[];
    const setup = { kind: cell.op as 'RNN' | 'LSTM', inputSize, hiddenSize: cell.args.hidden_size as number, seqLength, seed: initCase.seed, withLoss };
    const { inputs, targets } = stepperData(setup);
    expectSameBits('inputs', Float32Array.from(inputs.flat()), x.tensors.value);
    if (withLoss) expectSameBits('targets', Int32Array.from(targets ?? []), rest[2].tensors.value);
  });
});

describe("the gate figures' random inputs are PyTorch's randn after the same cells", () => {
  const gateCases = initCases.filter((c) => c.name.startsWith('gates_'));
  it.each(gateCases.map((c) => [`${c.name} seed ${c.seed}`, c]))('%s', (_, initCase) => {
    const x = initCase.steps[initCase.steps.length - 1];
    const [steps, , inputSize] = x.args.size as number[];
    const modules = initCase.steps.slice(0, -1).map(({ op, args }) => ({ kind: op as 'RNN' | 'LSTM' | 'GRU', inputSize, hiddenSize: args.hidden_size as number }));
    const inputs = makeInputs('random', { steps, inputSize, seed: initCase.seed, modules });
    expectSameBits('inputs', Float32Array.from(inputs.flat()), x.tensors.value);
  });
});

describe("chapter 1's concatenation figure draws X, H, W_xh, W_hh, b_h as torch.randn does", () => {
  const concatCases = initCases.filter((c) => c.name === 'concat_identity');
  it.each(concatCases.map((c) => [`seed ${c.seed}`, c]))('%s', async (_, initCase) => {
    const result = await concatIdentity(initCase.seed, 'relu');
    [result.x, result.h, result.wXh, result.wHh, result.b].forEach((tensor, k) => {
      expectSameBits(`tensor ${k}`, Float32Array.from(tensor.flat()), initCase.steps[k].tensors.value);
    });
  });
});
