/**
 * Drives an engine training generator from React: train to the end, take one step, pause, resume and
 * reset, collecting every event the generator yields; training again after a run has ended starts a fresh
 * one. Changing `key` (the settings) starts over; leaving the page aborts the run. The generator owns what
 * it trains and releases it in its `finally`: the hook closes every generator it starts, once.
 */
import { useCallback, useEffect, useRef, useState } from 'react';
import { problemOf, type ReaderMessage } from '../core/readerMessage';
import type { TrainOutcome } from '../core/train/trainer';
import { stoppedOutcome, TrainingControl } from '../core/train/trainer';

export type RunStatus = 'ready' | 'running' | 'paused' | 'finished' | 'stopped';

/** Why a run ended: the trainer's outcome, or a failure it did not foresee, said in the error's own words. */
export type RunOutcome = Omit<TrainOutcome, 'message'> & { message: ReaderMessage | string };

export interface TrainingRun<Event> {
  events: Event[];
  status: RunStatus;
  /** Why the run ended, once it has. */
  outcome: RunOutcome | null;
  /** Runs until the end (or until paused); after an ended run, starts a fresh one. */
  train: () => void;
  /** Runs exactly one more step. */
  step: () => void;
  pause: () => void;
  reset: () => void;
}

/**
 * @param start makes a fresh generator for a control, called lazily; the generator must build what it
 * trains inside its body and release it in its `finally`.
 */
export function useTrainingRun<Event>(start: (control: TrainingControl) => AsyncGenerator<Event, TrainOutcome>, key: string): TrainingRun<Event> {
  const [events, setEvents] = useState<Event[]>([]);
  const [status, setStatus] = useState<RunStatus>('ready');
  const [outcome, setOutcome] = useState<RunOutcome | null>(null);
  const run = useRef<{ generator: AsyncGenerator<Event, TrainOutcome>; control: TrainingControl; busy: boolean } | null>(null);
  const latest = useRef(start);
  latest.current = start;

  const finish = useCallback((result: RunOutcome) => {
    setOutcome(result);
    setStatus(result.reason === 'finished' ? 'finished' : 'stopped');
    run.current = null;
  }, []);

  const advance = useCallback(
    async (untilDone: boolean) => {
      if (!run.current) {
        const control = new TrainingControl();
        run.current = { generator: latest.current(control), control, busy: false };
        setEvents([]);
        setOutcome(null);
      }
      const current = run.current;
      if (current.busy) return;
      current.busy = true;
      current.control.resume();
      setStatus('running');
      try {
        do {
          const next = await current.generator.next();
          if (run.current !== current) return;
          if (next.done) {
            finish(next.value);
            return;
          }
          setEvents((list) => [...list, next.value]);
        } while (untilDone && !current.control.paused);
        setStatus('paused');
      } catch (error) {
        finish({ reason: 'diverged', message: problemOf(error), steps: 0 });
      } finally {
        current.busy = false;
      }
    },
    [finish],
  );

  const reset = useCallback(() => {
    const current = run.current;
    run.current = null;
    if (current) {
      current.control.abort();
      // Queued behind a step still in flight, if any; then the generator's finally releases its model.
      void current.generator.return(stoppedOutcome(0));
    }
    setEvents([]);
    setOutcome(null);
    setStatus('ready');
  }, []);

  useEffect(() => reset, [key, reset]);

  return {
    events,
    status,
    outcome,
    train: () => void advance(true),
    step: () => void advance(false),
    pause: () => run.current?.control.pause(),
    reset,
  };
}
