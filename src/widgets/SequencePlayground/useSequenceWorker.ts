/**
 * The page's side of the sequence playground's worker: starts it with the reader's `?backend=`, gathers a
 * training run's steps and example traces and a sweep's runs, and hands them to React at most once per
 * frame, however fast they arrive. Progress from a run or sweep that is no longer the current one (after
 * a reset) is dropped by its request id.
 */
import { startTransition, useCallback, useEffect, useMemo, useRef, useState } from 'react';
import type { ReaderMessage } from '../../core/readerMessage';
import type { BackendInfo } from '../../core/runtime/backend';
import type { CellChoice, ExampleTrace, SweepRun } from '../../core/tasks';
import type { TrainOutcome } from '../../core/train/trainer';
import type { FromWorker, PlaygroundStep, ToWorker } from '../../workers/sequenceProtocol';
import type { PlaygroundSettings } from '../../workers/sequenceSettings';

type Request = ToWorker extends infer M ? (M extends ToWorker ? Omit<M, 'id'> : never) : never;

export type RunStatus = 'idle' | 'running' | 'paused' | 'finished' | 'stopped' | 'diverged' | 'failed';

export interface SweepState {
  status: 'idle' | 'running' | 'finished' | 'stopped' | 'failed';
  spans: number[];
  cells: CellChoice[];
  runs: SweepRun[];
  total: number;
}

const NO_SWEEP: SweepState = { status: 'idle', spans: [], cells: [], runs: [], total: 0 };

export function useSequenceWorker() {
  const worker = useRef<Worker | null>(null);
  const nextId = useRef(1);
  const activeRun = useRef<number | null>(null);
  const activeSweep = useRef<number | null>(null);
  /** Progress received since the last frame, drawn together on the next one. */
  const pending = useRef<{ steps: PlaygroundStep[]; example: ExampleTrace | null; paused: boolean | null; runs: SweepRun[] }>({ steps: [], example: null, paused: null, runs: [] });
  const frame = useRef<number | null>(null);
  const [backend, setBackend] = useState<BackendInfo | null>(null);
  const [steps, setSteps] = useState<PlaygroundStep[]>([]);
  /** The steps with a held-out score: a new array only when a score arrives, so its chart redraws only then. */
  const [scored, setScored] = useState<PlaygroundStep[]>([]);
  const [example, setExample] = useState<ExampleTrace | null>(null);
  const [status, setStatus] = useState<RunStatus>('idle');
  const [outcome, setOutcome] = useState<TrainOutcome | null>(null);
  const [sweep, setSweep] = useState<SweepState>(NO_SWEEP);
  /** What went wrong, for the figure to say in the page's language: a reader message, or an error's own text. */
  const [error, setError] = useState<string | ReaderMessage | null>(null);

  const drawPending = useCallback(() => {
    frame.current = null;
    const { steps: newSteps, example: newExample, paused, runs } = pending.current;
    pending.current = { steps: [], example: null, paused: null, runs: [] };
    // Progress is drawn in a transition: a render React may interrupt whenever the reader does something.
    startTransition(() => {
      if (newSteps.length) setSteps((all) => [...all, ...newSteps]);
      const newScores = newSteps.filter((s) => s.accuracy !== undefined);
      if (newScores.length) setScored((all) => [...all, ...newScores]);
      if (newExample) setExample(newExample);
      if (paused !== null) setStatus((now) => (now === 'running' || now === 'paused' ? (paused ? 'paused' : 'running') : now));
      if (runs.length) setSweep((now) => ({ ...now, runs: [...now.runs, ...runs] }));
    });
  }, []);

  const schedule = useCallback(() => {
    if (frame.current === null) frame.current = requestAnimationFrame(drawPending);
  }, [drawPending]);

  /** Draws what is pending now: a run's end must not overtake its last steps. */
  const drawNow = useCallback(() => {
    if (frame.current !== null) cancelAnimationFrame(frame.current);
    drawPending();
  }, [drawPending]);

  useEffect(() => {
    const thread = new Worker(new URL('../../workers/sequence.worker.ts', import.meta.url), { type: 'module' });
    worker.current = thread;
    thread.onmessage = ({ data }: MessageEvent<FromWorker>) => {
      switch (data.type) {
        case 'ready':
          return setBackend(data.backend);
        case 'steps':
          if (data.id !== activeRun.current) return;
          pending.current.steps.push(...data.steps);
          pending.current.example = data.example ?? pending.current.example;
          pending.current.paused = data.paused;
          return schedule();
        case 'stopped':
          if (data.id !== activeRun.current) return;
          drawNow();
          activeRun.current = null;
          setOutcome(data.outcome);
          return setStatus(data.outcome.reason === 'finished' ? 'finished' : data.outcome.reason === 'diverged' ? 'diverged' : 'stopped');
        case 'sweep-started':
          if (data.id === activeSweep.current) setSweep({ status: 'running', spans: data.spans, cells: data.cells, runs: [], total: data.total });
          return;
        case 'sweep-run':
          if (data.id !== activeSweep.current) return;
          pending.current.runs.push(data.run);
          return schedule();
        case 'sweep-stopped':
          if (data.id !== activeSweep.current) return;
          drawNow();
          activeSweep.current = null;
          return setSweep((now) => ({ ...now, status: data.complete ? 'finished' : 'stopped' }));
        case 'error':
          if (data.id === activeRun.current) {
            activeRun.current = null;
            setStatus('failed');
          } else if (data.id === activeSweep.current) {
            activeSweep.current = null;
            setSweep((now) => ({ ...now, status: 'failed' }));
          }
          return setError(data.message);
      }
    };
    thread.onerror = (event) => {
      setError({ key: 'sequencePlayground:threadFailed', values: { reason: event.message } });
      activeRun.current = activeSweep.current = null;
      setStatus((now) => (now === 'running' || now === 'paused' ? 'failed' : now));
      setSweep((now) => (now.status === 'running' ? { ...now, status: 'failed' } : now));
    };
    const init: ToWorker = { type: 'init', id: 0, backend: new URLSearchParams(location.search).get('backend') };
    thread.postMessage(init);
    return () => {
      thread.terminate();
      if (frame.current !== null) cancelAnimationFrame(frame.current);
    };
  }, [schedule, drawNow]);

  const send = useCallback((message: Request): number => {
    const id = nextId.current++;
    worker.current?.postMessage({ ...message, id } as ToWorker);
    return id;
  }, []);

  const actions = useMemo(() => {
    /** Forgets the last run's curves, example and messages, and shows `status`. */
    const clearRun = (status: RunStatus) => {
      pending.current = { steps: [], example: null, paused: null, runs: [] };
      setSteps([]);
      setScored([]);
      setExample(null);
      setOutcome(null);
      setError(null);
      setStatus(status);
    };
    const start = (settings: PlaygroundSettings, stepOnly: boolean) => {
      clearRun(stepOnly ? 'paused' : 'running');
      activeRun.current = send({ type: 'train', settings, stepOnly });
    };
    return {
      train: (settings: PlaygroundSettings) => start(settings, false),
      /** One step: of the paused run, or the first of a fresh one. */
      step: (settings: PlaygroundSettings, paused: boolean) => (paused ? send({ type: 'step' }) : start(settings, true)),
      pause: () => (send({ type: 'pause' }), setStatus('paused')),
      resume: () => (send({ type: 'resume' }), setStatus('running')),
      stop: () => send({ type: 'abort' }),
      /** Stops any run and sweep and forgets every curve; the figure is idle at once. */
      reset: () => {
        send({ type: 'reset' });
        activeRun.current = activeSweep.current = null;
        clearRun('idle');
        setSweep(NO_SWEEP);
      },
      startSweep: (settings: PlaygroundSettings) => {
        setError(null);
        setSweep({ ...NO_SWEEP, status: 'running' });
        activeSweep.current = send({ type: 'sweep', settings });
      },
    };
  }, [send]);

  return { backend, steps, scored, example, status, outcome, sweep, error, ...actions };
}
