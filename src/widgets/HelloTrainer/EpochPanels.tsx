import { useCallback, useEffect, useRef, useState } from 'react';
import { LineChartCard } from '../../components/Charts';
import { ExactNumber } from '../../components/ExactNumber';
import { Heatmap } from '../../components/Heatmap';
import { Slider } from '../../components/Slider';
import { HELLO_CHARS, type HelloEpoch } from '../../core/train/hello';
import { pickEpoch, scrollToShow, shownEpoch } from './epochCursor';
import { Prediction } from './Prediction';

/**
 * The epochs trained so far under one cursor: the loss chart marks the epoch shown, the list of
 * predictions highlights it, and the heatmaps draw its hidden state. The slider, a click on the chart or
 * a row of the list moves the cursor; hovering the chart previews an epoch. Left alone, it follows the
 * latest epoch as training goes on.
 */
export function EpochPanels({ events, lossName }: { events: HelloEpoch[]; lossName: string }) {
  const [picked, setPicked] = useState<number | null>(null);
  const [hovered, setHovered] = useState<number | null>(null);
  // A fresh run (no epochs yet) follows the latest epoch again, whatever was picked in the last one.
  if (events.length === 0 && picked !== null) setPicked(null);
  const shown = shownEpoch(events, picked, hovered);
  const latestEpoch = events.at(-1)?.epoch;
  const pick = useCallback((epoch: number) => setPicked(pickEpoch(epoch, latestEpoch)), [latestEpoch]);

  // Keep the shown epoch's row in view inside the list, without scrolling the page.
  const list = useRef<HTMLOListElement>(null);
  useEffect(() => {
    const item = list.current?.querySelector<HTMLElement>(`[data-epoch="${shown?.epoch}"]`);
    if (!list.current || !item) return;
    list.current.scrollTop = scrollToShow({ top: item.offsetTop, height: item.offsetHeight }, { scrollTop: list.current.scrollTop, height: list.current.clientHeight });
  }, [shown?.epoch]);

  if (!shown) return null;
  return (
    <div className="hello-panels">
      <div className="hello-cursor">
        <Slider label="Epoch shown" value={shown.epoch} min={1} max={Math.max(1, events.length)} format={(epoch) => `${epoch} of ${events.length}`} onChange={pick} />
        <p className="hello-cursor-readout" data-testid="hello-cursor" data-epoch={shown.epoch}>
          Epoch {shown.epoch}: predicted <Prediction text={shown.prediction} />, loss <ExactNumber value={shown.loss} />
          {picked === null && hovered === null ? ' (the latest)' : ''}
        </p>
      </div>
      <LineChartCard
        title="Loss per epoch"
        xLabel="epoch"
        yLabel="loss"
        series={[{ name: lossName, points: events.map((e) => ({ x: e.epoch, y: e.loss })) }]}
        cursor={{ x: shown.epoch, onHover: setHovered, onPick: pick }}
      />
      <ol className="hello-epochs" ref={list} aria-label="Prediction per epoch">
        {events.map((e) => (
          <li key={e.epoch} data-epoch={e.epoch}>
            <button type="button" className="hello-epoch-button" aria-pressed={e.epoch === shown.epoch} aria-label={`Show epoch ${e.epoch}`} onClick={() => pick(e.epoch)}>
              <span className="hello-epoch">{e.epoch}</span> <Prediction text={e.prediction} />
            </button>
          </li>
        ))}
      </ol>
      <div>
        <p className="hello-caption">Hidden state in epoch {shown.epoch} (rows: h, e, l, l, o)</p>
        <Heatmap name="h" values={shown.hidden} rowLabel="t" colLabel="unit" cellSize={22} />
        {shown.embedding && (
          <>
            <p className="hello-caption">Learned embedding after epoch {shown.epoch} (rows: {HELLO_CHARS.join(', ')})</p>
            <Heatmap name="embedding" values={shown.embedding} rowLabel="char" colLabel="dim" cellSize={18} />
          </>
        )}
      </div>
    </div>
  );
}
