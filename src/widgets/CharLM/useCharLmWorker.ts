/**
 * The page's side of the character-model worker: starts it with the reader's `?backend=`, collects
 * training progress per run, and turns requests (generate, export, import) into promises.
 */
import { useCallback, useEffect, useMemo, useRef, useState } from 'react';
import type { BackendInfo } from '../../core/backend';
import type { Preprocessing } from '../../core/data/vocabulary';
import type { CharLmOptions, CharLmStep } from '../../core/train/charLm';
import type { TrainOutcome } from '../../core/train/trainer';
import type { FromWorker, ToWorker } from '../../workers/charLmProtocol';

type Reply = Extract<FromWorker, { type: 'generated' | 'exported' | 'imported' | 'memory' }>;
export interface Sample {
  label: string;
  step: number;
  text: string;
}

export function useCharLmWorker() {
  const worker = useRef<Worker | null>(null);
  const pending = useRef<{ type: Reply['type']; resolve: (reply: Reply) => void; reject: (error: Error) => void }[]>([]);
  const finishing = useRef(new Map<string, (outcome: TrainOutcome) => void>());
  const [backend, setBackend] = useState<BackendInfo | null>(null);
  const [runs, setRuns] = useState<Record<string, CharLmStep[]>>({});
  const [samples, setSamples] = useState<Sample[]>([]);
  const [training, setTraining] = useState<string | null>(null);
  const [paused, setPaused] = useState(false);
  const [outcome, setOutcome] = useState<TrainOutcome | null>(null);
  const [error, setError] = useState<string | null>(null);

  useEffect(() => {
    const thread = new Worker(new URL('../../workers/charLm.worker.ts', import.meta.url), { type: 'module' });
    worker.current = thread;
    thread.onmessage = ({ data }: MessageEvent<FromWorker>) => {
      switch (data.type) {
        case 'ready':
          return setBackend(data.backend);
        case 'steps':
          return setRuns((all) => ({ ...all, [data.label]: [...(all[data.label] ?? []), ...data.steps] }));
        case 'sample':
          return setSamples((all) => [...all.slice(-19), { label: data.label, step: data.step, text: data.text }]);
        case 'stopped':
          setTraining(null);
          setPaused(false);
          setOutcome(data.outcome);
          finishing.current.get(data.label)?.(data.outcome);
          finishing.current.delete(data.label);
          return;
        case 'error': {
          const waiting = pending.current.shift();
          if (waiting) waiting.reject(new Error(data.message));
          else setError(data.message);
          return;
        }
        default: {
          const index = pending.current.findIndex((p) => p.type === data.type);
          if (index >= 0) pending.current.splice(index, 1)[0].resolve(data);
        }
      }
    };
    thread.onerror = (event) => setError(`The training thread failed: ${event.message}`);
    const send: ToWorker = { type: 'init', backend: new URLSearchParams(location.search).get('backend') };
    thread.postMessage(send);
    return () => thread.terminate();
  }, []);

  const send = useCallback((message: ToWorker) => worker.current?.postMessage(message), []);

  const request = useCallback(
    <T extends Reply['type']>(message: ToWorker, type: T) =>
      new Promise<Extract<Reply, { type: T }>>((resolve, reject) => {
        pending.current.push({ type, resolve: resolve as (reply: Reply) => void, reject });
        send(message);
      }),
    [send],
  );

  /** Trains a fresh model; resolves when the run stops, for whatever reason. */
  const train = useCallback(
    (label: string, text: string, preprocessing: Preprocessing, options: CharLmOptions, maxSteps?: number) =>
      new Promise<TrainOutcome>((resolve) => {
        setTraining(label);
        setPaused(false);
        setOutcome(null);
        setError(null);
        setRuns((all) => ({ ...all, [label]: [] }));
        finishing.current.set(label, resolve);
        send({ type: 'train', label, text, preprocessing, options, sampleEvery: 50, maxSteps });
      }),
    [send],
  );

  // Stable across renders, so the panels that take them redraw only when their own inputs change.
  const actions = useMemo(
    () => ({
      pause: () => (send({ type: 'pause' }), setPaused(true)),
      resume: () => (send({ type: 'resume' }), setPaused(false)),
      /** Stops any run and forgets the model and every curve. */
      reset: () => {
        send({ type: 'abort' });
        send({ type: 'reset' });
        setRuns({});
        setSamples([]);
        setOutcome(null);
        setError(null);
      },
      stop: () => send({ type: 'abort' }),
      generate: (prefix: string, length: number, temperature: number, seed: number) => request({ type: 'generate', prefix, length, temperature, seed }, 'generated').then((r) => r.text),
      exportFile: () => request({ type: 'export' }, 'exported').then((r) => r.file),
      importFile: (file: string) => request({ type: 'import', file }, 'imported'),
      tensorCount: () => request({ type: 'memory' }, 'memory').then((r) => r.numTensors),
    }),
    [send, request],
  );

  return { backend, runs, samples, training, paused, outcome, error, train, ...actions };
}
