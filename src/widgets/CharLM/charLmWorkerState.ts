/**
 * The page-side bookkeeping of the character-model worker, apart from React: requests waiting for their
 * reply, and how each report from the worker changes what the figure holds. `useCharLmWorker` wires
 * these to the worker and to React state.
 */
import { ReaderError, type ReaderMessage } from '../../core/readerMessage';
import type { CharLmStep } from '../../core/train/charLm';
import type { TrainOutcome } from '../../core/train/trainer';
import type { FromWorker, WorkerProblem } from '../../workers/charLmProtocol';

/** A run the worker refused, with its reason: the figure says it as "Training could not run: …". */
export interface Refused {
  refused: WorkerProblem;
}

/** What the figure has to say about a run or the worker: a problem as it came, or a refused run. */
export type Said = WorkerProblem | Refused;

/** How a run ended: the worker's outcome, or `failed` when the worker could not run it at all. */
export type RunOutcome = Omit<TrainOutcome, 'reason' | 'message'> & { reason: TrainOutcome['reason'] | 'failed'; message: Said };

/** What survived a lost GPU: the model rebuilt on the next backend and the step of its weights, or null. */
export type Rebuilt = Extract<FromWorker, { type: 'backend-changed' }>['kept'];

/** Replies that settle a request made with `request` (training reports settle nothing). */
export type Reply = Extract<FromWorker, { type: 'generated' | 'exported' | 'imported' | 'memory' }>;

export interface Sample {
  label: string;
  step: number;
  text: string;
}

/** Samples written while training that the figure keeps: it shows the newest few. */
export const SAMPLES_KEPT = 20;

export const RESET_OUTCOME: RunOutcome = { reason: 'aborted', message: { key: 'charLm:resetDone' }, steps: 0 };

/** The outcome of a run the worker refused or lost, with the reason. */
export const failedRun = (message: Said): RunOutcome => ({ reason: 'failed', message, steps: 0 });

/** The problem the page says when the worker thread itself failed, with the browser's words for why. */
export const threadFailed = (reason: string): ReaderMessage => ({ key: 'charLm:threadFailed', values: { reason } });

/** `problem` as an error a request's caller can catch: a ReaderError for a reader message. */
const asError = (problem: WorkerProblem): Error => (typeof problem === 'string' ? new Error(problem) : new ReaderError(problem));

/** `runs` with `steps` added to the run `label` (a new run if there was none). */
export function appendSteps(runs: Record<string, CharLmStep[]>, label: string, steps: readonly CharLmStep[]): Record<string, CharLmStep[]> {
  return { ...runs, [label]: [...(runs[label] ?? []), ...steps] };
}

/** `samples` with `sample` added, keeping the newest `SAMPLES_KEPT`. */
export function appendSample(samples: readonly Sample[], sample: Sample): Sample[] {
  return [...samples.slice(-(SAMPLES_KEPT - 1)), sample];
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

  /** Rejects request `id` with `problem`; false when no such request waits (the error is someone else's). */
  reject(id: number, problem: WorkerProblem): boolean {
    const request = this.waiting.get(id);
    this.waiting.delete(id);
    request?.reject(asError(problem));
    return request !== undefined;
  }

  /** Rejects every waiting request: the worker that would answer them is gone. */
  rejectAll(problem: WorkerProblem): void {
    this.waiting.forEach(({ reject }) => reject(asError(problem)));
    this.waiting.clear();
  }
}
