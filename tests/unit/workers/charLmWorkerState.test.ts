import { describe, expect, it, vi } from 'vitest';
import type { CharLmStep } from '../../../src/core/train/charLm';
import { ReaderError } from '../../../src/core/readerMessage';
import { appendSample, appendSteps, PendingRequests, SAMPLES_KEPT, threadFailed } from '../../../src/widgets/CharLM/charLmWorkerState';

const step = (n: number) => ({ step: n }) as CharLmStep;

describe('reports from the worker', () => {
  it('add steps to their run, starting it when new, without touching the others', () => {
    const before = { RNN: [step(1)] };
    const after = appendSteps(before, 'RNN', [step(2), step(3)]);
    expect(after.RNN.map((s) => s.step)).toEqual([1, 2, 3]);
    expect(before.RNN).toHaveLength(1);
    expect(appendSteps(after, 'GRU', [step(1)])).toMatchObject({ RNN: after.RNN, GRU: [step(1)] });
  });

  it('keep the newest samples only', () => {
    let samples = appendSample([], { label: 'LSTM', step: 0, text: 'a' });
    for (let k = 1; k < 30; k++) samples = appendSample(samples, { label: 'LSTM', step: k * 50, text: 'a' });
    expect(samples).toHaveLength(SAMPLES_KEPT);
    expect(samples.at(-1)!.step).toBe(29 * 50);
  });
});

describe('requests waiting for a reply', () => {
  it('settle exactly the request a reply or an error names, once', () => {
    const pending = new PendingRequests();
    const first = { resolve: vi.fn(), reject: vi.fn() };
    const second = { resolve: vi.fn(), reject: vi.fn() };
    pending.add(1, first.resolve, first.reject);
    pending.add(2, second.resolve, second.reject);
    pending.resolve({ type: 'memory', id: 2, numTensors: 0 });
    expect(second.resolve).toHaveBeenCalledWith({ type: 'memory', id: 2, numTensors: 0 });
    expect(first.resolve).not.toHaveBeenCalled();
    expect(pending.reject(2, 'late')).toBe(false);
    expect(pending.reject(1, { key: 'charLm:noModelYet' })).toBe(true);
    expect(first.reject.mock.calls[0][0]).toBeInstanceOf(ReaderError);
    expect(first.reject.mock.calls[0][0].reader).toEqual({ key: 'charLm:noModelYet' });
    expect(pending.has(1)).toBe(false);
  });

  it('all fail when the worker dies', () => {
    const pending = new PendingRequests();
    const rejects = [vi.fn(), vi.fn()];
    rejects.forEach((reject, k) => pending.add(k, vi.fn(), reject));
    pending.rejectAll(threadFailed('boom'));
    rejects.forEach((reject) => expect(reject.mock.calls[0][0].reader).toEqual({ key: 'charLm:threadFailed', values: { reason: 'boom' } }));
    pending.add(3, vi.fn(), rejects[0]);
    pending.rejectAll('lost');
    expect(rejects[0]).toHaveBeenLastCalledWith(new Error('lost'));
    expect(pending.reject(0, 'again')).toBe(false);
  });
});
