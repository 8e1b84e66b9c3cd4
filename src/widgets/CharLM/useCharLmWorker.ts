/**
 * The page's side of the character-model worker: starts it with the reader's `?backend=`, collects
 * training progress per run, and turns requests (generate, export, import) into promises. Each request
 * has its own id, so a reply or an error settles exactly the request it answers.
 */
import { useCallback, useEffect, useMemo, useRef, useState } from 'react';
import type { BackendInfo } from '../../core/runtime/backend';
import type { Preprocessing } from '../../core/data/vocabulary';
import type { CharLmOptions, CharLmStep } from '../../core/train/charLm';
import type { FromWorker, ModelHeld, ToWorker } from '../../workers/charLmProtocol';
import { appendSample, appendSteps, failedRun, PendingRequests, RESET_OUTCOME, threadFailed, type Rebuilt, type Reply, type RunOutcome, type Said, type Sample } from './charLmWorkerState';

export type { RunOutcome, Sample };
export type Generated = Extract<Reply, { type: 'generated' }>;
type Request = ToWorker extends infer M ? (M extends ToWorker ? Omit<M, 'id'> : never) : never;

export function useCharLmWorker() {
  const worker = useRef<Worker | null>(null);
  const nextId = useRef(1);
  const pending = useRef(new PendingRequests());
  /** Runs not yet stopped, by the id of their `train` request. */
  const finishing = useRef(new Map<number, (outcome: RunOutcome) => void>());
  /** The run whose progress the figure shows; progress of any other is stale and dropped. */
  const activeRun = useRef<number | null>(null);
  const generation = useRef<number | null>(null);
  const [backend, setBackend] = useState<BackendInfo | null>(null);
  const [runs, setRuns] = useState<Record<string, CharLmStep[]>>({});
  const [samples, setSamples] = useState<Sample[]>([]);
  const [training, setTraining] = useState<string | null>(null);
  const [paused, setPaused] = useState(false);
  const [outcome, setOutcome] = useState<RunOutcome | null>(null);
  const [error, setError] = useState<Said | null>(null);
  /** What survived the last lost GPU, for the notice that says so; null when there is nothing to say. */
  const [rebuilt, setRebuilt] = useState<Rebuilt>(null);
  const [model, setModel] = useState<ModelHeld>(null);

  const endRun = useCallback((id: number, end: RunOutcome) => {
    if (activeRun.current === id) {
      activeRun.current = null;
      setTraining(null);
      setPaused(false);
      setOutcome(end);
      if (end.reason === 'failed') setError(end.message);
    }
    finishing.current.get(id)?.(end);
    finishing.current.delete(id);
  }, []);

  useEffect(() => {
    const thread = new Worker(new URL('../../workers/charLm.worker.ts', import.meta.url), { type: 'module' });
    worker.current = thread;
    thread.onmessage = ({ data }: MessageEvent<FromWorker>) => {
      switch (data.type) {
        case 'ready':
          return setBackend(data.backend);
        case 'model':
          return setModel(data.model);
        case 'backend-changed':
          setBackend(data.backend);
          setModel(data.kept?.model ?? null);
          setRebuilt(data.kept);
          return;
        case 'steps':
          if (data.id === activeRun.current) setRuns((all) => appendSteps(all, data.label, data.steps));
          return;
        case 'sample':
          if (data.id === activeRun.current) setSamples((all) => appendSample(all, { label: data.label, step: data.step, text: data.text }));
          return;
        case 'stopped':
          return endRun(data.id, data.outcome);
        case 'error':
          // A request's error goes to its caller, a run's to the run; anything else to the figure.
          if (pending.current.reject(data.id, data.problem)) return;
          if (finishing.current.has(data.id)) endRun(data.id, failedRun({ refused: data.problem }));
          else setError(data.problem);
          return;
        default:
          pending.current.resolve(data);
      }
    };
    thread.onerror = (event) => {
      const problem = threadFailed(event.message);
      setError(problem);
      pending.current.rejectAll(problem);
      [...finishing.current.keys()].forEach((id) => endRun(id, failedRun(problem)));
    };
    const init: ToWorker = { type: 'init', id: 0, backend: new URLSearchParams(location.search).get('backend') };
    thread.postMessage(init);
    return () => thread.terminate();
  }, [endRun]);

  /** Posts `message` under a fresh id, which it returns. */
  const send = useCallback((message: Request): number => {
    const id = nextId.current++;
    worker.current?.postMessage({ ...message, id } as ToWorker);
    return id;
  }, []);

  const request = useCallback(
    <T extends Reply['type']>(message: Request, _type: T, onId?: (id: number) => void) =>
      new Promise<Extract<Reply, { type: T }>>((resolve, reject) => {
        const id = send(message);
        onId?.(id);
        pending.current.add(id, resolve as (reply: Reply) => void, reject);
      }),
    [send],
  );

  /** Trains a fresh model; resolves when the run stops, for whatever reason, failure included. */
  const train = useCallback(
    (label: string, text: string, preprocessing: Preprocessing, options: CharLmOptions, maxSteps?: number) =>
      new Promise<RunOutcome>((resolve) => {
        setTraining(label);
        setPaused(false);
        setOutcome(null);
        setError(null);
        setRebuilt(null);
        setRuns((all) => ({ ...all, [label]: [] }));
        const id = send({ type: 'train', label, text, preprocessing, options, sampleEvery: 50, maxSteps });
        activeRun.current = id;
        finishing.current.set(id, resolve);
      }),
    [send],
  );

  // Stable across renders, so the panels that take them redraw only when their own inputs change.
  const actions = useMemo(
    () => ({
      pause: () => (send({ type: 'pause' }), setPaused(true)),
      resume: () => (send({ type: 'resume' }), setPaused(false)),
      /** Stops any run and generation, forgets the model and every curve; the figure is idle at once. */
      reset: () => {
        send({ type: 'reset' });
        [...finishing.current.keys()].forEach((id) => {
          if (activeRun.current === id) activeRun.current = null;
          endRun(id, RESET_OUTCOME);
        });
        setTraining(null);
        setPaused(false);
        setRuns({});
        setSamples([]);
        setOutcome(null);
        setError(null);
        setRebuilt(null);
        setModel(null);
      },
      stop: () => send({ type: 'abort' }),
      generate: (prefix: string, length: number, temperature: number, seed: number) =>
        request({ type: 'generate', prefix, length, temperature, seed }, 'generated', (id) => (generation.current = id)),
      /** Stops the generation under way; it answers with the text written so far. */
      cancelGeneration: () => generation.current !== null && send({ type: 'cancel', target: generation.current }),
      exportFile: () => request({ type: 'export' }, 'exported').then((r) => r.file),
      importFile: (file: string) => request({ type: 'import', file }, 'imported'),
      tensorCount: () => request({ type: 'memory' }, 'memory').then((r) => r.numTensors),
    }),
    [send, request, endRun],
  );

  return { backend, runs, samples, training, paused, outcome, error, rebuilt, model, train, ...actions };
}
