/**
 * HelloTrainer: the reader sets learning rate, epochs, hidden size and seed, presses Train (or steps one
 * epoch at a time) and watches the loss fall and the prediction for "hello" turn into "ohlol"; one epoch
 * cursor shows any epoch's prediction, hidden state and, with embeddings, the embedding — `trainHello` in
 * src/core/train/hello.ts, driven by src/hooks/useTrainingRun.ts.
 */
import { Trans } from 'react-i18next';
import { formatDecimals, formatNumber } from '../../components/format';
import { LearningRateSlider } from '../../components/LearningRateSlider';
import { Slider } from '../../components/Slider';
import { WidgetFrame } from '../../components/WidgetFrame';
import { helloDefaults, trainHello, type HelloEpoch, type HelloOptions, type HelloVariant } from '../../core/train/hello';
import { useEngine } from '../../hooks/useEngine';
import { usePersistentState } from '../../hooks/usePersistentState';
import { choice, fitField, integer, number, rangeOf, type SettingsSchema } from '../../hooks/settingsSchema';
import { useTrainingRun } from '../../hooks/useTrainingRun';
import { useReaderText } from '../../i18n/readerText';
import { useT } from '../../i18n/useT';
import { EpochPanels } from './EpochPanels';
import './HelloTrainer.css';
import { Prediction, TARGET } from './Prediction';

const VARIANTS: readonly HelloVariant[] = ['cell', 'rnn', 'embedding'];
/** What the sliders allow, for stored settings and URL values alike; the learning rate on a log scale. */
const SCHEMA: SettingsSchema<HelloOptions> = {
  variant: choice(VARIANTS),
  learningRate: number(1e-3, 10),
  epochs: integer(1, 100),
  hiddenSize: integer(1, 16),
  seed: integer(0, 99),
};

/** Chapters 3 and 8: train "hello" → "ohlol" in the page, one epoch at a time or to the end. */
export default function HelloTrainer(props: { variant?: HelloVariant }) {
  const t = useT('helloTrainer');
  const say = useReaderText();
  const variant = fitField<HelloVariant>(SCHEMA.variant, props.variant, 'cell');
  const engine = useEngine();
  const defaults = helloDefaults(variant);
  const [stored, setOptions, resetOptions] = usePersistentState(`hello-${variant}`, defaults, SCHEMA);
  // The figure's variant is the chapter's; a stored one never overrides it.
  const options = { ...stored, variant };
  const set = (patch: Partial<typeof defaults>) => setOptions({ ...options, ...patch, variant });
  // Each run builds its model from the settings (same seed, same initial weights) and disposes it itself.
  const run = useTrainingRun<HelloEpoch>((control) => trainHello(options, control), JSON.stringify(options));
  const last = run.events.at(-1);
  const ready = engine.status === 'ready';
  const running = run.status === 'running';
  const done = run.status === 'finished' || run.status === 'stopped';

  const controls = (
    <>
      <button type="button" onClick={running ? run.pause : run.train} disabled={!ready}>
        {running ? t('pause') : done ? t('trainAgain') : run.events.length ? t('resume') : t('train')}
      </button>
      <button type="button" onClick={run.step} disabled={!ready || running || done}>
        {t('stepEpoch')}
      </button>
      <button type="button" onClick={run.reset}>{t('resetTraining')}</button>
      <button type="button" onClick={() => { run.reset(); resetOptions(); }}>{t('resetSettings')}</button>
    </>
  );

  return (
    <WidgetFrame title={t(`title_${variant}`)} engine={engine} error={run.status === 'stopped' && run.outcome?.reason === 'diverged' ? say(run.outcome.message) : null} controls={controls}>
      <div className="control-grid">
        <LearningRateSlider value={options.learningRate} range={rangeOf(SCHEMA.learningRate)} onChange={(learningRate) => set({ learningRate })} />
        <Slider label={t('epochs')} value={options.epochs} {...rangeOf(SCHEMA.epochs)} onChange={(epochs) => set({ epochs })} />
        <Slider label={t('hiddenSize')} value={options.hiddenSize} {...rangeOf(SCHEMA.hiddenSize)} onChange={(hiddenSize) => set({ hiddenSize })} />
        <Slider label={t('seed')} value={options.seed} {...rangeOf(SCHEMA.seed)} onChange={(seed) => set({ seed })} />
      </div>
      <p className="hello-status" data-testid="hello-status" data-epochs={run.events.length} data-status={run.status}>
        {last ? (
          <>
            <Trans
              t={t}
              i18nKey="status"
              values={{ epoch: last.epoch, epochs: options.epochs, loss: formatNumber(last.loss, 4), ms: formatDecimals(last.elapsedMs, 0) }}
              components={{ prediction: <Prediction text={last.prediction} />, loss: <span title={String(last.loss)} /> }}
            />
            {run.status === 'finished' && (last.prediction === TARGET ? t('learned') : t('notYet'))}
          </>
        ) : (
          <Trans t={t} i18nKey="idle" components={{ code: <code /> }} />
        )}
      </p>
      <EpochPanels events={run.events} lossName={variant === 'cell' ? t('lossSum') : t('lossMean')} />
    </WidgetFrame>
  );
}
