import { BACKEND_LABELS as LABELS, useEngineState } from '../hooks/useEngine';

/** Says which tfjs backend runs the widgets on this page, and why, if it is not the first choice. */
export function BackendBadge() {
  const engine = useEngineState();
  let text: string;
  let detail: string | undefined;
  switch (engine.status) {
    case 'idle':
      text = 'Engine idle';
      detail = 'TensorFlow.js loads with the first widget on a page.';
      break;
    case 'loading':
      text = 'Engine loading…';
      break;
    case 'ready':
      text = `Engine: ${LABELS[engine.backend.name]}`;
      detail = engine.backend.fallbackReason;
      break;
    case 'error':
      text = 'Engine failed';
      detail = engine.message;
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
