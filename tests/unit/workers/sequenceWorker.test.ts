/**
 * The sequence playground's worker, driven in Node through its message handler: replies carry their
 * request's id, a bad request is answered with an error, pause and step act between training steps,
 * a sweep streams its runs and stops when asked, and no tensor outlives a run or a sweep.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { readerText } from '../../../src/i18n/readerText';
import type { FromWorker, ToWorker } from '../../../src/workers/sequenceProtocol';
import { PLAYGROUND_DEFAULTS, type PlaygroundSettings } from '../../../src/workers/sequenceSettings';

const replies: FromWorker[] = [];
const scope = globalThis as unknown as { self?: { postMessage: (m: FromWorker) => void; onmessage?: (e: MessageEvent<ToWorker>) => void } };
let nextId = 1;

type Request = ToWorker extends infer M ? (M extends ToWorker ? Omit<M, 'id'> : never) : never;

function send(message: Request): number {
  const id = nextId++;
  scope.self!.onmessage!({ data: { ...message, id } } as MessageEvent<ToWorker>);
  return id;
}

/** Waits for the first reply to `id` that passes `match`. */
async function reply<T extends FromWorker['type']>(id: number, type: T, timeoutMs = 30_000): Promise<Extract<FromWorker, { type: T }>> {
  const started = Date.now();
  for (;;) {
    const found = replies.find((r) => r.id === id && r.type === type);
    if (found) return found as Extract<FromWorker, { type: T }>;
    const failed = replies.find((r): r is Extract<FromWorker, { type: 'error' }> => r.id === id && r.type === 'error');
    if (failed) throw new Error(`request ${id} failed: ${readerText(failed.message, 'en')}`);
    if (Date.now() - started > timeoutMs) throw new Error(`no ${type} for request ${id}`);
    await new Promise((resolve) => setTimeout(resolve, 5));
  }
}

async function tensors(): Promise<number> {
  return (await reply(send({ type: 'memory' }), 'memory')).numTensors;
}

const easy: PlaygroundSettings = { ...PLAYGROUND_DEFAULTS, cell: 'rnn', length: 8, delay: 1, steps: 40 };

beforeAll(async () => {
  scope.self = { postMessage: (m) => replies.push(m) };
  await import('../../../src/workers/sequence.worker');
});
afterAll(() => delete scope.self);

describe('sequence worker', () => {
  it('trains, streaming steps and the example under the train request’s id, and leaves no tensor behind', async () => {
    const before = await tensors();
    const id = send({ type: 'train', settings: easy, stepOnly: false });
    const stopped = await reply(id, 'stopped');
    expect(stopped.outcome.reason).toBe('finished');
    const reports = replies.filter((r): r is Extract<FromWorker, { type: 'steps' }> => r.id === id && r.type === 'steps');
    const steps = reports.flatMap((r) => r.steps);
    expect(steps.map((s) => s.step)).toEqual(Array.from({ length: 40 }, (_, k) => k + 1));
    expect(steps.filter((s) => s.accuracy !== undefined).map((s) => s.step)).toContain(40);
    expect(reports[0].steps).toEqual([]);
    expect(reports[0].example?.steps).toHaveLength(8);
    expect(reports.at(-1)!.example?.states.h).toHaveLength(8);
    expect(await tensors()).toBe(before);
  });

  it('step only: pauses after one step, steps once more, then stops on request', async () => {
    const before = await tensors();
    const id = send({ type: 'train', settings: { ...easy, cell: 'lstm' }, stepOnly: true });
    const paused = () => replies.filter((r) => r.id === id && r.type === 'steps' && r.paused) as Extract<FromWorker, { type: 'steps' }>[];
    await expect.poll(() => paused().length, { timeout: 20_000 }).toBe(1);
    expect(paused()[0].steps.map((s) => s.step)).toEqual([1]);
    expect(Object.keys(paused()[0].example!.states)).toContain('c');
    send({ type: 'step' });
    await expect.poll(() => paused().length, { timeout: 20_000 }).toBe(2);
    expect(paused()[1].steps.map((s) => s.step)).toEqual([2]);
    send({ type: 'abort' });
    expect((await reply(id, 'stopped')).outcome.reason).toBe('aborted');
    expect(await tensors()).toBe(before);
  });

  it('answers settings outside the schema with an error to that request', async () => {
    const id = send({ type: 'train', settings: { ...easy, hiddenSize: 1e9 }, stepOnly: false });
    await expect(reply(id, 'stopped')).rejects.toThrow(/Unusable setting: hiddenSize = 1000000000 \(a whole number from \d+ to \d+\)\./);
  });

  it('sweeps every span × cell, streaming runs, and stops when asked', async () => {
    const before = await tensors();
    const settings = { ...easy, delay: 3, sweepPoints: 2, steps: 20 };
    const id = send({ type: 'sweep', settings });
    const started = await reply(id, 'sweep-started');
    expect(started).toMatchObject({ spans: [1, 3], cells: ['rnn', 'lstm', 'gru'], total: 6 });
    expect((await reply(id, 'sweep-stopped', 60_000)).complete).toBe(true);
    const runs = replies.filter((r) => r.id === id && r.type === 'sweep-run') as Extract<FromWorker, { type: 'sweep-run' }>[];
    expect(runs.map((r) => `${r.run.span}:${r.run.cell}`)).toEqual(['1:rnn', '1:lstm', '1:gru', '3:rnn', '3:lstm', '3:gru']);

    const stopped = send({ type: 'sweep', settings: { ...settings, steps: 400 } });
    await reply(stopped, 'sweep-started');
    send({ type: 'abort' });
    expect((await reply(stopped, 'sweep-stopped')).complete).toBe(false);
    expect(await tensors()).toBe(before);
  });
});
