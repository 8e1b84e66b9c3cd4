/**
 * The page-side bookkeeping of the character-model worker, apart from React: requests waiting for their
 * reply, and how each report from the worker changes what the figure holds. `useCharLmWorker` wires
 * these to the worker and to React state.
 */
import type { CharLmStep } from '../../core/train/charLm';
import type { TrainOutcome } from '../../core/train/trainer';
import type { FromWorker } from '../../workers/charLmProtocol';

/** How a run ended: the trainer's outcome, or `failed` when the worker could not run it at all. */
export type RunOutcome = Omit<TrainOutcome, 'reason'> & { reason: TrainOutcome['reason'] | 'failed' };

/** Replies that settle a request made with `request` (training reports settle nothing). */
export type Reply = Extract<FromWorker, { type: 'generated' | 'exported' | 'imported' | 'memory' }>;

export interface Sample {
  label: string;
  step: number;
  text: string;
}

/** Samples written while training that the figure keeps: it shows the newest few. */
export const SAMPLES_KEPT = 20;

export const RESET_OUTCOME: RunOutcome = { reason: 'aborted', message: 'Reset.', steps: 0 };

/** The outcome of a run the worker refused or lost, with the reason in the reader's words. */
export const failedRun = (message: string): RunOutcome => ({ reason: 'failed', message, steps: 0 });

/** `runs` with `steps` added to the run `label` (a new run if there was none). */
export function appendSteps(runs: Record<string, CharLmStep[]>, label: string, steps: readonly CharLmStep[]): Record<string, CharLmStep[]> {
  return { ...runs, [label]: [...(runs[label] ?? []), ...steps] };
}

/** `samples` with `sample` added, keeping the newest `SAMPLES_KEPT`. */
export function appendSample(samples: readonly Sample[], sample: Sample): Sample[] {
  return [...samples.slice(-(SAMPLES_KEPT - 1)), sample];
}

/** What to tell the reader after a lost GPU: which weights the model was rebuilt from, or nothing without a model. */
export function rebuiltNotice(kept: Extract<FromWorker, { type: 'backend-changed' }>['kept']): string | null {
  if (!kept) return null;
  return `The model (${kept.model}) was rebuilt there from ${kept.step === null ? 'the imported weights' : `its weights of step ${kept.step}`}.`;
}

/** Requests waiting for their reply, by id: each reply or error settles exactly the request it names. */
export class PendingRequests {
  private readonly waiting = new Map<number, { resolve: (reply: Reply) => void; reject: (error: Error) => void }>();

  add(id: number, resolve: (reply: Reply) => void, reject: (error: Error) => void): void {
    this.waiting.set(id, { resolve, reject });
  }

  has(id: number): boolean {
    return this.waiting.has(id);
  }

  /** Resolves the request `reply` answers, if it still waits. */
  resolve(reply: Reply): void {
    this.waiting.get(reply.id)?.resolve(reply);
    this.waiting.delete(reply.id);
  }

  /** Rejects request `id` with `message`; false when no such request waits (the error is someone else's). */
  reject(id: number, message: string): boolean {
    const request = this.waiting.get(id);
    this.waiting.delete(id);
    request?.reject(new Error(message));
    return request !== undefined;
  }

  /** Rejects every waiting request: the worker that would answer them is gone. */
  rejectAll(message: string): void {
    this.waiting.forEach(({ reject }) => reject(new Error(message)));
    this.waiting.clear();
  }
}
