import { useState } from 'react';

/**
 * Reset, which throws away a trained or imported model: when there is one, the first press asks, inline,
 * before anything is lost; with nothing to lose it resets at once.
 */
export function ResetButton({ onReset, modelHeld }: { onReset: () => void; modelHeld: string | null }) {
  const [asking, setAsking] = useState(false);
  if (!asking) {
    return (
      <button type="button" onClick={() => (modelHeld ? setAsking(true) : onReset())}>
        Reset
      </button>
    );
  }
  return (
    <span className="confirm-reset" role="group" aria-label="Confirm reset">
      <span>Discard the model{modelHeld ? ` (${modelHeld})` : ''} and its settings?</span>
      <button type="button" onClick={() => (setAsking(false), onReset())}>Discard</button>
      <button type="button" autoFocus onClick={() => setAsking(false)}>Keep</button>
    </span>
  );
}
