/**
 * Keeps one figure's failure inside the figure: a render error, a failed chunk download (offline), or a
 * crash in the engine shows a message in the figure's place, with a way back, and the page reads on.
 */
import { useContext, useRef, type ReactNode } from 'react';
import { forgetFigureUrl, FigureUrlContext } from '../hooks/useFigureUrl';
import { forgetStored, StoredKeysContext } from '../hooks/usePersistentState';
import { ErrorBoundary, isChunkLoadError } from './ErrorBoundary';

export interface FigureBoundaryProps {
  /** The figure's name in the reader's words, e.g. "Cell stepper". */
  name: string;
  /** Called before the figure is drawn again, e.g. to download its code afresh. */
  onRetry?: () => void;
  /** A figure inside a sentence (a number in prose): its message is a short span, not a block. */
  inline?: boolean;
  children: ReactNode;
}

/** The error boundary around every figure; it also records which stored settings the figure read. */
export function FigureBoundary({ name, onRetry, inline, children }: FigureBoundaryProps) {
  const storedKeys = useRef(new Set<string>()).current;
  const inUrl = useContext(FigureUrlContext);
  const fallback = (error: Error, retry: () => void) => {
    const offline = isChunkLoadError(error);
    const again = (forgetSettings: boolean) => {
      if (forgetSettings) {
        forgetStored(storedKeys);
        if (inUrl) forgetFigureUrl(inUrl);
      }
      storedKeys.clear();
      onRetry?.();
      retry();
    };
    if (inline) {
      return (
        <span className="widget-error" role="alert" title={error.message} data-figure-error="true">
          [{name} unavailable{offline ? ': offline?' : ''}]
        </span>
      );
    }
    return (
      <section className="widget figure-failed" role="alert" aria-label={`${name} (stopped)`} data-figure-error="true">
        <p className="widget-error">
          {offline
            ? 'This figure could not be loaded: its code did not arrive (are you offline?). The text around it still reads.'
            : `This figure stopped: ${error.message}`}
        </p>
        <p className="figure-failed-actions">
          {offline ? (
            <button type="button" onClick={() => again(false)}>Try again</button>
          ) : (
            <>
              <button type="button" onClick={() => again(true)}>Reset this figure</button> Its stored settings (and those in the
              address) are cleared and it starts from its defaults.
            </>
          )}
        </p>
      </section>
    );
  };
  return (
    <ErrorBoundary name={name} fallback={fallback}>
      <StoredKeysContext.Provider value={storedKeys}>{children}</StoredKeysContext.Provider>
    </ErrorBoundary>
  );
}
