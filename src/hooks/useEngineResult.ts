/**
 * Runs an engine computation once the engine is ready and again whenever its inputs change, keeping the
 * last result on screen while the next one computes. One computation runs at a time: inputs that change
 * meanwhile (a slider being dragged) are computed once it ends, only the latest of them. A move to another
 * backend (a lost GPU device) computes again there.
 */
import { useEffect, useRef, useState, type DependencyList } from 'react';
import { useReaderText } from '../i18n/readerText';
import { useEngine, type EngineState } from './useEngine';

export interface EngineResult<T> {
  engine: EngineState;
  result: T | null;
  error: string | null;
  busy: boolean;
}

export function useEngineResult<T>(compute: () => Promise<T>, deps: DependencyList): EngineResult<T> {
  const engine = useEngine();
  const say = useReaderText();
  const [result, setResult] = useState<T | null>(null);
  const [error, setError] = useState<string | null>(null);
  const [busy, setBusy] = useState(true);
  const running = useRef<Promise<unknown> | null>(null);
  const latest = useRef(compute);
  latest.current = compute;
  useEffect(() => {
    if (engine.status !== 'ready') return;
    let current = true;
    setBusy(true);
    const start = async () => {
      while (running.current) await running.current.catch(() => undefined);
      if (!current) return;
      const work = latest.current();
      running.current = work;
      try {
        const value = await work;
        if (current) {
          setResult(value);
          setError(null);
        }
      } catch (reason) {
        if (current) setError(say(reason));
      } finally {
        running.current = null;
        if (current) setBusy(false);
      }
    };
    void start();
    return () => {
      current = false;
    };
    // The caller's deps stand for everything `compute` reads.
    // eslint-disable-next-line react-hooks/exhaustive-deps
  }, [engine.status, engine.status === 'ready' ? engine.backend.name : '', ...deps]);
  return { engine, result, error, busy: engine.status === 'ready' && busy };
}
