import { describe, it } from 'vitest';
import { stepperData } from '../../src/core/stepperSetup';
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
