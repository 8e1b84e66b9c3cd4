import { memo, useMemo } from 'react';
import { scaleForRange } from '../../components/colorScale';
import { Heatmap } from '../../components/Heatmap';
import type { ExampleTrace } from '../../core/tasks';
import { QUANTITY_NAMES, QUANTITY_RANGES } from '../../core/figures/gateTrace';
import { useReaderText } from '../../i18n/readerText';

/**
 * What is drawn, of what the example traced: the hidden state, and for a gated cell what decides what it
 * keeps (the LSTM's cell state and gates, the GRU's update and reset gates).
 */
const SHOWN = ['h', 'c', 'f', 'i', 'o', 'z', 'r'];

interface Props {
  example: ExampleTrace;
  /** a ReLU RNN's state is not bounded by ±1 */
  unboundedState: boolean;
}

/** Time × unit heatmaps of the top layer over the example: gates on 0…1, tanh values on −1…1. */
export const StateHeatmaps = memo(function StateHeatmaps({ example, unboundedState }: Props) {
  const say = useReaderText();
  const steps = example.steps.length;
  // Tall sequences get short rows, so that every heatmap fits beside the others.
  const cellSize = Math.max(3, Math.min(10, Math.floor(300 / steps)));
  const panels = useMemo(
    () =>
      SHOWN
        .filter((name) => example.states[name])
        .map((name) => {
          const values = example.states[name];
          const range = name === 'h' && unboundedState ? 'unbounded' : QUANTITY_RANGES[name];
          return { name, values, scale: scaleForRange(range, values) };
        }),
    [example, unboundedState],
  );
  return (
    <div className="state-heatmaps" data-testid="state-heatmaps">
      {panels.map(({ name, values, scale }) => (
        <Heatmap key={name} values={values} name={say(QUANTITY_NAMES[name])} scale={scale} cellSize={cellSize} />
      ))}
    </div>
  );
});
