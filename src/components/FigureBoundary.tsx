/**
 * Keeps one figure's failure inside the figure: a render error, a failed chunk download (offline), or a
 * crash in the engine shows a message in the figure's place, with a way back, and the page reads on.
 */
import { useContext, useRef, type ReactNode } from 'react';
import { forgetFigureUrl, FigureUrlContext } from '../hooks/useFigureUrl';
import { forgetStored, StoredKeysContext } from '../hooks/usePersistentState';
import { ErrorBoundary, isChunkLoadError } from './ErrorBoundary';
import { useReaderText } from '../i18n/readerText';
import { useT } from '../i18n/useT';

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
  const t = useT('figure');
  const say = useReaderText();
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
          {t(offline ? 'unavailableOffline' : 'unavailable', { name })}
        </span>
      );
    }
    return (
      <section className="widget figure-failed" role="alert" aria-label={t('stopped', { name })} data-figure-error="true">
        <p className="widget-error">
          {offline ? t('notDownloaded') : t('stoppedBecause', { message: say(error) })}
        </p>
        <p className="figure-failed-actions">
          {offline ? (
            <button type="button" onClick={() => again(false)}>{t('tryAgain')}</button>
          ) : (
            <>
              <button type="button" onClick={() => again(true)}>{t('resetFigure')}</button> {t('resetExplained')}
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
