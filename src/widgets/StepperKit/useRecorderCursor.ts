/**
 * A recorder's cursor as React state: the position the reader stepped to, the snapshot there, and the
 * props for `StepperBar` and its ← / → keys. Every position's snapshot is taken once when a recorder
 * arrives (the recorder holds plain numbers only), so a step costs a lookup and one render. The position
 * is part of the figure's link: a reload or a shared link returns to the same step.
 */
import { useCallback, useMemo, useState } from 'react';
import { integer } from '../../hooks/settingsSchema';
import { useFigureUrlFields, useFollowedByUrl } from '../../hooks/useFigureUrl';
import { stepperKeys, type StepperBarProps } from '../../components/StepperBar';
import type { UnrollRecorder, UnrollSnapshot } from '../../core/unroll/unroll';

/** The step position in the URL; a recorder clamps it to its own length. */
const POSITION_SCHEMA = { step: integer(0, 10_000) };

export interface RecorderCursor {
  snapshot: UnrollSnapshot | null;
  bar: StepperBarProps;
  onKeyDown: ReturnType<typeof stepperKeys>;
}

/**
 * @param describe the position in words for the stepper bar, e.g. "step 2 of 4"
 * @param start the recorder position the reader's first step starts from (the BPTT stepper starts after
 *   the forward pass, at T)
 */
export function useRecorderCursor(
  recorder: UnrollRecorder | null,
  describe: (snapshot: UnrollSnapshot | null) => string,
  start: (recorder: UnrollRecorder) => number = () => 0,
): RecorderCursor {
  const url = useFigureUrlFields<{ step: number }>(POSITION_SCHEMA);
  const [position, setPosition] = useState(url.fromUrl.step ?? 0);
  const [playing, setPlaying] = useState(false);
  const offset = recorder ? start(recorder) : 0;
  const max = recorder ? recorder.maxPosition - offset : 0;
  // A new recorder (new settings) may be shorter: stay where the reader was, as far as it goes.
  const at = Math.min(position, max);
  // Until a recorder arrives the position is not known to fit: the URL keeps what it holds.
  const shown = recorder ? at : position;
  const linked = useMemo(() => ({ step: shown }), [shown]);
  useFollowedByUrl(url, linked, recorder !== null, shown === 0);
  const snapshots = useMemo(() => {
    if (!recorder) return [];
    const all = Array.from({ length: recorder.maxPosition - offset + 1 }, (_, p) => {
      recorder.seek(offset + p);
      return recorder.snapshot();
    });
    recorder.seek(offset);
    return all;
  }, [recorder, offset]);
  const snapshot = snapshots[at] ?? null;
  const onStepForward = useCallback(() => setPosition((p) => Math.min(p + 1, max)), [max]);
  const onStepBackward = useCallback(() => setPosition((p) => Math.max(0, Math.min(p, max) - 1)), [max]);
  const onReset = useCallback(() => {
    setPosition(0);
    setPlaying(false);
  }, []);
  const bar: StepperBarProps = {
    position: describe(snapshot),
    canStepBackward: recorder !== null && at > 0,
    canStepForward: recorder !== null && at < max,
    onStepBackward,
    onStepForward,
    onReset,
    playing,
    onPlayingChange: setPlaying,
  };
  return { snapshot, bar, onKeyDown: stepperKeys(bar) };
}
