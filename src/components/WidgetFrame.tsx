import { useContext, type ReactNode } from 'react';
import { BACKEND_LABELS, requestEngine, type EngineState } from '../hooks/useEngine';
import { FigureUrlContext } from '../hooks/useFigureUrl';
import { CopyLinkButton } from './CopyLinkButton';
import { useReaderText } from '../i18n/readerText';
import { useT } from '../i18n/useT';

export interface WidgetFrameProps {
  title: string;
  engine: EngineState;
  /** Set while the widget waits for tensor work longer than a moment. */
  busy?: boolean;
  /** A problem to show the reader; the widget keeps their inputs. */
  error?: string | null;
  controls?: ReactNode;
  children: ReactNode;
}

/**
 * The common frame of every figure: title, controls (with "Copy link"), status line, and a body that
 * scrolls inside itself. In a chapter the frame carries the figure's anchor, where its link lands.
 */
export function WidgetFrame({ title, engine, busy, error, controls, children }: WidgetFrameProps) {
  const t = useT('figure');
  const say = useReaderText();
  const waiting = engine.status === 'idle' || engine.status === 'loading';
  const anchorId = useContext(FigureUrlContext)?.scope.anchorId ?? undefined;
  return (
    <section className="widget" id={anchorId} aria-label={title} data-widget={title} data-ready={engine.status === 'ready' && !busy ? 'true' : 'false'}>
      <header className="widget-header">
        <h4 className="widget-title">{title}</h4>
        <div className="widget-controls">
          {controls}
          <CopyLinkButton />
        </div>
      </header>
      {engine.status === 'error' && (
        <p className="widget-error" role="alert">
          {t('engineFailed', { message: say(engine.message) })} <button type="button" onClick={requestEngine}>{t('tryAgain')}</button>
        </p>
      )}
      {engine.status === 'ready' && engine.backend.deviceLost && (
        <p className="widget-notice" role="status" data-testid="device-lost">
          {t('nowRunsOn', { reason: say(engine.backend.deviceLost), backend: BACKEND_LABELS[engine.backend.name] })}
        </p>
      )}
      {error && <p className="widget-error" role="alert">{error}</p>}
      {(waiting || busy) && (
        <p className="widget-status" aria-live="polite">
          <span className="spinner" aria-hidden="true" /> {waiting ? t('startingEngine') : t('computing')}
        </p>
      )}
      <div className="widget-body">{children}</div>
    </section>
  );
}
