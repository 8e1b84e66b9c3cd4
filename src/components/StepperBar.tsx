import { useEffect, type KeyboardEvent } from 'react';
import { useT } from '../i18n/useT';

export interface StepperBarProps {
  /** What the cursor points at, e.g. "t = 3 of 5" or "backward, t = 2". */
  position: string;
  canStepBackward: boolean;
  canStepForward: boolean;
  onStepBackward: () => void;
  onStepForward: () => void;
  onReset: () => void;
  playing: boolean;
  onPlayingChange: (playing: boolean) => void;
  /** Milliseconds between steps while playing. */
  interval?: number;
}

/** Arrow-key handler for the region around a stepper: ← steps backward, → steps forward. */
export function stepperKeys(bar: Pick<StepperBarProps, 'canStepBackward' | 'canStepForward' | 'onStepBackward' | 'onStepForward'>) {
  return (event: KeyboardEvent) => {
    if ((event.target as HTMLElement).matches('input, textarea, select')) return;
    if (event.key === 'ArrowRight' && bar.canStepForward) bar.onStepForward();
    else if (event.key === 'ArrowLeft' && bar.canStepBackward) bar.onStepBackward();
    else return;
    event.preventDefault();
  };
}

/** Step backward / Play / Step forward / Reset, with the position between them. */
export function StepperBar(props: StepperBarProps) {
  const t = useT('figure');
  const { position, canStepBackward, canStepForward, onStepBackward, onStepForward, onReset, playing, onPlayingChange, interval = 700 } = props;

  // One step per timer, re-armed after each step lands (the position changes), until the end.
  useEffect(() => {
    if (!playing) return;
    if (!canStepForward) {
      onPlayingChange(false);
      return;
    }
    const timer = setTimeout(onStepForward, interval);
    return () => clearTimeout(timer);
  }, [playing, position, canStepForward, onStepForward, onPlayingChange, interval]);

  return (
    <div className="stepper-bar" role="group" aria-label={t('stepper')}>
      <button type="button" onClick={onStepBackward} disabled={!canStepBackward} aria-label={t('stepBackward')} title={t('stepBackwardTitle')}>
        ◀
      </button>
      <button type="button" onClick={() => onPlayingChange(!playing)} aria-label={playing ? t('pause') : t('play')} title={playing ? t('pause') : t('playTitle')}>
        {playing ? '❚❚' : '▶▶'}
      </button>
      <button type="button" onClick={onStepForward} disabled={!canStepForward} aria-label={t('stepForward')} title={t('stepForwardTitle')}>
        ▶
      </button>
      <button type="button" onClick={onReset} aria-label={t('reset')} title={t('resetTitle')}>
        ↺
      </button>
      <span className="stepper-position" aria-live="polite">
        {position}
      </span>
    </div>
  );
}
