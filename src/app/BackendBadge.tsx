import { backendLabel, useEngineState } from '../hooks/useEngine';
import { useReaderText } from '../i18n/readerText';
import { useT } from '../i18n/useT';

/** Says which tfjs backend runs the widgets on this page, and why, if it is not the first choice. */
export function BackendBadge() {
  const engine = useEngineState();
  const t = useT('engine');
  const say = useReaderText();
  let text: string;
  let detail: string | undefined;
  switch (engine.status) {
    case 'idle':
      text = t('idle');
      detail = t('idleDetail');
      break;
    case 'loading':
      text = t('loading');
      break;
    case 'ready':
      text = t('ready', { backend: backendLabel(engine.backend, say) });
      detail = engine.backend.fallbackReason && say(engine.backend.fallbackReason);
      break;
    case 'error':
      text = t('failed');
      detail = say(engine.message);
  }
  return (
    <div
      className={`backend-badge backend-${engine.status}`}
      data-testid="backend-badge"
      data-backend={engine.status === 'ready' ? engine.backend.name : ''}
      role="status"
    >
      <span className="backend-name">{text}</span>
      {detail && <span className="backend-reason">{detail}</span>}
    </div>
  );
}
