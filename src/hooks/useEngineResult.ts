/**
 * Runs an engine computation once the engine is ready and again whenever its inputs change, keeping the
 * last result on screen while the next one computes and dropping answers that arrive out of date.
 */
import { useEffect, useState, type DependencyList } from 'react';
import { useEngine, type EngineState } from './useEngine';

export interface EngineResult<T> {
  engine: EngineState;
  result: T | null;
  error: string | null;
  busy: boolean;
}

export function useEngineResult<T>(compute: () => Promise<T>, deps: DependencyList): EngineResult<T> {
  const engine = useEngine();
  const [result, setResult] = useState<T | null>(null);
  const [error, setError] = useState<string | null>(null);
  const [busy, setBusy] = useState(true);
  useEffect(() => {
    if (engine.status !== 'ready') return;
    let current = true;
    setBusy(true);
    compute()
      .then((value) => current && (setResult(value), setError(null)))
      .catch((reason: unknown) => current && setError(reason instanceof Error ? reason.message : String(reason)))
      .finally(() => current && setBusy(false));
    return () => {
      current = false;
    };
    // The caller's deps stand for everything `compute` reads.
    // eslint-disable-next-line react-hooks/exhaustive-deps
  }, [engine.status, ...deps]);
  return { engine, result, error, busy: engine.status === 'ready' && busy };
}
