import { useCallback, useEffect, useRef, useState } from 'react';
import { Trans } from 'react-i18next';
import { LineChartCard } from '../../components/Charts';
import { ExactNumber } from '../../components/ExactNumber';
import { Heatmap } from '../../components/Heatmap';
import { Slider } from '../../components/Slider';
import { HELLO_CHARS, type HelloEpoch } from '../../core/train/hello';
import { useT } from '../../i18n/useT';
import { pickEpoch, scrollToShow, shownEpoch } from './epochCursor';
import { Prediction } from './Prediction';

/**
 * The epochs trained so far under one cursor: the loss chart marks the epoch shown, the list of
 * predictions highlights it, and the heatmaps draw its hidden state. The slider, a click on the chart or
 * a row of the list moves the cursor; hovering the chart previews an epoch. Left alone, it follows the
 * latest epoch as training goes on.
 */
export function EpochPanels({ events, lossName }: { events: HelloEpoch[]; lossName: string }) {
  const t = useT('helloTrainer');
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
        <Slider label={t('epochShown')} value={shown.epoch} min={1} max={Math.max(1, events.length)} format={(epoch) => t('epochOf', { epoch, total: events.length })} onChange={pick} />
        <p className="hello-cursor-readout" data-testid="hello-cursor" data-epoch={shown.epoch}>
          <Trans t={t} i18nKey="cursor" values={{ epoch: shown.epoch }} components={{ prediction: <Prediction text={shown.prediction} />, loss: <ExactNumber value={shown.loss} /> }} />
          {picked === null && hovered === null ? t('latest') : ''}
        </p>
      </div>
      <LineChartCard
        title={t('lossTitle')}
        xLabel={t('epochAxis')}
        yLabel={t('lossAxis')}
        series={[{ name: lossName, points: events.map((e) => ({ x: e.epoch, y: e.loss })) }]}
        cursor={{ x: shown.epoch, onHover: setHovered, onPick: pick }}
      />
      <ol className="hello-epochs" ref={list} aria-label={t('predictionList')}>
        {events.map((e) => (
          <li key={e.epoch} data-epoch={e.epoch}>
            <button type="button" className="hello-epoch-button" aria-pressed={e.epoch === shown.epoch} aria-label={t('showEpoch', { epoch: e.epoch })} onClick={() => pick(e.epoch)}>
              <span className="hello-epoch">{e.epoch}</span> <Prediction text={e.prediction} />
            </button>
          </li>
        ))}
      </ol>
      <div>
        <p className="hello-caption">{t('hiddenCaption', { epoch: shown.epoch })}</p>
        <Heatmap name="h" values={shown.hidden} rowLabel="t" cellSize={22} />
        {shown.embedding && (
          <>
            <p className="hello-caption">{t('embeddingCaption', { epoch: shown.epoch, chars: HELLO_CHARS.join(t('listComma')) })}</p>
            <Heatmap name={t('embeddingName')} values={shown.embedding} rowLabel={t('charAxis')} colLabel={t('dimAxis')} cellSize={18} />
          </>
        )}
      </div>
    </div>
  );
}
