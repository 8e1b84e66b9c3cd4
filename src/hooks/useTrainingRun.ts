/**
 * Drives an engine training generator from React: train to the end, take one step, pause, resume and
 * reset, collecting every event the generator yields. Changing `key` (the settings) starts over; leaving
 * the page aborts the run and releases what it holds.
 */
import { useCallback, useEffect, useRef, useState } from 'react';
import type { TrainOutcome } from '../core/train/trainer';
import { TrainingControl } from '../core/train/trainer';

export type RunStatus = 'ready' | 'running' | 'paused' | 'finished' | 'stopped';

export interface TrainingRun<Event> {
  events: Event[];
  status: RunStatus;
  /** Why the run ended, once it has. */
  outcome: TrainOutcome | null;
  /** Runs until the end (or until paused). */
  train: () => void;
  /** Runs exactly one more step. */
  step: () => void;
  pause: () => void;
  reset: () => void;
}

/**
 * @param start makes a fresh generator (and whatever it trains) for a control; called lazily.
 * @param dispose releases what `start` made, after the run ends or is reset.
 */
export function useTrainingRun<Event>(
  start: (control: TrainingControl) => AsyncGenerator<Event, TrainOutcome>,
  key: string,
  dispose: () => void = () => {},
): TrainingRun<Event> {
  const [events, setEvents] = useState<Event[]>([]);
  const [status, setStatus] = useState<RunStatus>('ready');
  const [outcome, setOutcome] = useState<TrainOutcome | null>(null);
  const run = useRef<{ generator: AsyncGenerator<Event, TrainOutcome>; control: TrainingControl; busy: boolean } | null>(null);
  const latest = useRef({ start, dispose });
  latest.current = { start, dispose };

  const finish = useCallback((result: TrainOutcome) => {
    setOutcome(result);
    setStatus(result.reason === 'finished' ? 'finished' : 'stopped');
    run.current = null;
    latest.current.dispose();
  }, []);

  const advance = useCallback(
    async (untilDone: boolean) => {
      if (!run.current) {
        const control = new TrainingControl();
        run.current = { generator: latest.current.start(control), control, busy: false };
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
        finish({ reason: 'diverged', message: error instanceof Error ? error.message : String(error), steps: 0 });
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
      // Let the generator run its cleanup, then release the model it trained.
      void current.generator.return({ reason: 'aborted', message: '', steps: 0 }).finally(() => latest.current.dispose());
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
