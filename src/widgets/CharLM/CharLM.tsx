/**
 * CharLM: the reader picks a text (the built-in one, pasted or uploaded) and how it is cut into characters,
 * sets the model (cell, hidden size, layers, embedding) and its training (sequence length, batch, sampling,
 * optimiser, learning rate, clipping, epochs), presses Train or a comparison and watches perplexity fall as
 * samples appear; Generate writes from a prefix at any moment, training or not, and the weights go to and
 * from PyTorch as a state_dict file. The engine runs in a worker (src/workers/charLm.worker.ts):
 * `trainCharLm` in src/core/train/charLm.ts and `generateText` in src/core/model/generate.ts.
 */
import { useCallback, useEffect, useMemo, useState } from 'react';
import { Trans } from 'react-i18next';
import { LiveLineChart } from '../../components/LiveLineChart';
import { formatNumber } from '../../components/format';
import { WidgetFrame } from '../../components/WidgetFrame';
import { CHAR_LM_DEFAULTS, type CharLmOptions } from '../../core/train/charLm';
import { announceWorkerBackend, type EngineState } from '../../hooks/useEngine';
import { fitSettings } from '../../hooks/settingsSchema';
import { usePersistentState } from '../../hooks/usePersistentState';
import { useThrottled } from '../../hooks/useThrottled';
import { useReaderText } from '../../i18n/readerText';
import { useT } from '../../i18n/useT';
import './CharLM.css';
import { CHAR_LM_OPTIONS_SCHEMA, COMPARE_STEPS_DEFAULT, CORPUS_DEFAULTS, CORPUS_SCHEMA } from '../../workers/charLmSettings';
import { comparedRuns, comparisonGoesOn, embeddingNote, generateUnavailable, latestStep, modelSummaryText, perplexitySeries, plannedSteps, progressStatus, rebuiltNotice, runName, runResults, saidText, workerBackendLine } from './charLmView';
import { CompareStepsInput } from './CompareStepsInput';
import { CorpusPanel, type Corpus } from './CorpusPanel';
import { FilePanel } from './FilePanel';
import { GeneratePanel } from './GeneratePanel';
import { formatPerplexity } from './formatPerplexity';
import { ResetButton } from './ResetButton';
import { SettingsPanel } from './SettingsPanel';
import { useCharLmWorker } from './useCharLmWorker';
import { useEmbeddingSwitch } from './useEmbeddingSwitch';
import { VocabularyCost } from './VocabularyCost';

/**
 * Chapter 9: train a character language model on a text in a background thread, watch it learn, make it
 * write. Props (from a chapter, or the URL of the figure's own page) set the model's starting settings.
 */
export default function CharLM(props: Partial<Record<keyof CharLmOptions, unknown>>) {
  const t = useT('charLm');
  const say = useReaderText();
  const lm = useCharLmWorker();
  // The engine this figure uses lives in its worker; the page's own engine is not needed here.
  const engine: EngineState = lm.backend ? { status: 'ready', backend: lm.backend } : { status: 'loading' };
  useEffect(() => {
    if (lm.backend) announceWorkerBackend(lm.backend);
  }, [lm.backend]);
  // The props' identity changes every render; their values do not.
  // eslint-disable-next-line react-hooks/exhaustive-deps
  const defaults = useMemo(() => fitSettings(CHAR_LM_OPTIONS_SCHEMA, props, CHAR_LM_DEFAULTS), [JSON.stringify(props)]);
  const [options, setOptions, resetOptions] = usePersistentState('charlm-options', defaults, CHAR_LM_OPTIONS_SCHEMA);
  const [choice, setChoice] = usePersistentState('charlm-corpus', CORPUS_DEFAULTS, CORPUS_SCHEMA);
  const [ownText, setOwnText] = usePersistentState('charlm-own-text', '');
  const [corpus, setCorpus] = useState<Corpus>({ text: null, characters: 0, vocabulary: null, problem: null });
  const [compareSteps, setCompareSteps] = useState(COMPARE_STEPS_DEFAULT);
  const onCorpus = useCallback((next: Corpus) => setCorpus(next), []);

  const running = lm.training !== null;
  const canTrain = !!corpus.text && !!lm.backend && !running;
  const latest = latestStep(lm.runs);
  // Four redraws a second keep the curve live; each costs a few milliseconds (the chart is one SVG path a run).
  const chartRuns = useThrottled(lm.runs, 250);
  const vocabularySize = corpus.vocabulary?.tokens.length ?? 0;
  const planned = plannedSteps(corpus.text ? corpus.characters : null, options);
  const series = useMemo(
    () => perplexitySeries({ runs: chartRuns, chosenKind: options.kind, vocabularySize, planned }, t),
    [chartRuns, options.kind, vocabularySize, planned, t],
  );

  const trainOne = () => corpus.text && lm.train(options.kind, corpus.text, choice.preprocessing, options);
  // Stop, Reset or a failure ends the whole comparison, not just the model in training.
  const compare = async (compared: 'cells' | 'sampling') => {
    if (!corpus.text) return;
    lm.reset();
    for (const run of comparedRuns(compared, options)) {
      const outcome = await lm.train(run.label, corpus.text, choice.preprocessing, run.options, compareSteps);
      if (!comparisonGoesOn(outcome, compareSteps)) break;
    }
  };
  const switchedToEmbeddingAt = useEmbeddingSwitch(vocabularySize, options, setOptions, running);
  const results = runResults(lm.runs);
  const notice = rebuiltNotice(lm.rebuilt, t);
  const error = lm.error !== null ? saidText(lm.error, t, say) : lm.outcome?.reason === 'diverged' ? saidText(lm.outcome.message, t, say) : null;

  const controls = (
    <>
      <button type="button" onClick={trainOne} disabled={!canTrain}>{t('train', { kind: options.kind })}</button>
      <button type="button" onClick={running ? (lm.paused ? lm.resume : lm.pause) : undefined} disabled={!running}>
        {lm.paused ? t('resume') : t('pause')}
      </button>
      <button type="button" onClick={lm.stop} disabled={!running}>{t('stop')}</button>
      <button type="button" onClick={() => compare('cells')} disabled={!canTrain}>{t('compareCells')}</button>
      <button type="button" onClick={() => compare('sampling')} disabled={!canTrain}>{t('compareSampling')}</button>
      <ResetButton modelHeld={lm.model} onReset={() => { lm.reset(); resetOptions(); }} />
    </>
  );

  return (
    <WidgetFrame title={t('title')} engine={engine} error={error} controls={controls}>
      <p className="charlm-backend" data-testid="charlm-backend" data-backend={lm.backend?.name ?? ''}>
        {workerBackendLine(lm.backend, t, say)}
      </p>
      {notice && <p className="charlm-notice" role="status" data-testid="charlm-notice">{notice}</p>}
      <h5>{t('textHeading')}</h5>
      <CorpusPanel choice={choice} onChoice={setChoice} ownText={ownText} onOwnText={setOwnText} onCorpus={onCorpus} />
      <h5>{t('modelHeading')}</h5>
      <SettingsPanel options={options} onChange={setOptions} disabled={running} />
      {switchedToEmbeddingAt !== null && <p className="charlm-notice" role="status" data-testid="embedding-note">{embeddingNote(switchedToEmbeddingAt, t)}</p>}
      <VocabularyCost vocabularySize={vocabularySize} options={options} />
      <CompareStepsInput value={compareSteps} onChange={setCompareSteps} disabled={running} />
      <div className="charlm-progress" data-testid="charlm-progress" data-status={progressStatus(running, lm.outcome)} data-steps={latest?.step.step ?? 0} data-perplexity={latest?.step.perplexity ?? ''}>
        <progress max={1} value={latest?.step.progress ?? 0} aria-label={t('trainingProgress')} />
        {latest ? (
          <span>
            <Trans
              t={t}
              i18nKey="progress"
              values={{ run: runName(lm.training ?? latest.label, t), step: latest.step.step, epoch: latest.step.epoch + 1, perplexity: formatPerplexity(latest.step.perplexity), speed: Math.round(latest.step.tokensPerSecond) }}
              components={{ perplexity: <strong title={t('lossTitle', { loss: formatNumber(latest.step.loss, 3) })} /> }}
            />
            {latest.step.clipped && t('progressClipped')}
            {lm.outcome && !running && t('progressOutcome', { message: saidText(lm.outcome.message, t, say) })}
          </span>
        ) : (
          <span>{lm.model ? t('holdingModel', { model: modelSummaryText(lm.model, t) }) : t('notTrained')}</span>
        )}
      </div>
      <LiveLineChart title={t('chartTitle')} xLabel={t('chartStep')} yLabel={t('chartPerplexity')} logY series={series} />
      {results.length > 1 && (
        <ul className="charlm-results" data-testid="charlm-results" aria-label={t('resultsLabel')}>
          {results.map((r) => (
            <li key={r.label} data-label={r.label} data-perplexity={r.perplexity}>
              <Trans t={t} i18nKey="result" values={{ run: runName(r.label, t), perplexity: formatPerplexity(r.perplexity), first: r.first, steps: r.steps }} components={{ strong: <strong /> }} />
            </li>
          ))}
        </ul>
      )}
      {lm.samples.length > 0 && (
        <details className="charlm-samples" open>
          <summary>{t('samplesSummary')}</summary>
          <ol>
            {lm.samples.slice(-6).map((s) => (
              <li key={`${s.label}-${s.step}`}>
                <span className="sample-step">{t('sampleStep', { run: runName(s.label, t), step: s.step })}</span> <span className="sample-text">{s.text}</span>
              </li>
            ))}
          </ol>
        </details>
      )}
      <h5>{t('writeHeading')}</h5>
      <GeneratePanel generate={lm.generate} cancel={lm.cancelGeneration} unavailable={generateUnavailable(lm.model, t)} />
      <h5>{t('pytorchHeading')}</h5>
      <FilePanel exportFile={lm.exportFile} importFile={lm.importFile} disabled={running} canExport={!!lm.model} />
    </WidgetFrame>
  );
}
