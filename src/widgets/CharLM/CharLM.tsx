/**
 * CharLM: the reader picks a text (the built-in one, pasted or uploaded) and how it is cut into characters,
 * sets the model (cell, hidden size, layers, embedding) and its training (sequence length, batch, sampling,
 * optimiser, learning rate, clipping, epochs), presses Train or a comparison and watches perplexity fall as
 * samples appear; Generate writes from a prefix at any moment, training or not, and the weights go to and
 * from PyTorch as a state_dict file. The engine runs in a worker (src/workers/charLm.worker.ts):
 * `trainCharLm` in src/core/train/charLm.ts and `generateText` in src/core/model/generate.ts.
 */
import { useCallback, useEffect, useMemo, useState } from 'react';
import { LiveLineChart } from '../../components/LiveLineChart';
import { formatNumber } from '../../components/format';
import { WidgetFrame } from '../../components/WidgetFrame';
import { CHAR_LM_DEFAULTS, type CharLmOptions } from '../../core/train/charLm';
import { announceWorkerBackend, type EngineState } from '../../hooks/useEngine';
import { fitSettings } from '../../hooks/settingsSchema';
import { usePersistentState } from '../../hooks/usePersistentState';
import { useThrottled } from '../../hooks/useThrottled';
import './CharLM.css';
import { CHAR_LM_OPTIONS_SCHEMA, COMPARE_STEPS_DEFAULT, CORPUS_DEFAULTS, CORPUS_SCHEMA } from '../../workers/charLmSettings';
import { comparedRuns, comparisonGoesOn, generateUnavailable, latestStep, perplexitySeries, plannedSteps, progressStatus, runResults, workerBackendLine } from './charLmView';
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
    () => perplexitySeries({ runs: chartRuns, chosenKind: options.kind, vocabularySize, planned }),
    [chartRuns, options.kind, vocabularySize, planned],
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
  const shownEmbeddingNote = useEmbeddingSwitch(vocabularySize, options, setOptions, running);
  const results = runResults(lm.runs);

  const controls = (
    <>
      <button type="button" onClick={trainOne} disabled={!canTrain}>Train {options.kind}</button>
      <button type="button" onClick={running ? (lm.paused ? lm.resume : lm.pause) : undefined} disabled={!running}>
        {lm.paused ? 'Resume' : 'Pause'}
      </button>
      <button type="button" onClick={lm.stop} disabled={!running}>Stop</button>
      <button type="button" onClick={() => compare('cells')} disabled={!canTrain}>Compare RNN · LSTM · GRU</button>
      <button type="button" onClick={() => compare('sampling')} disabled={!canTrain}>Compare sequential · random</button>
      <ResetButton modelHeld={lm.model} onReset={() => { lm.reset(); resetOptions(); }} />
    </>
  );

  return (
    <WidgetFrame title="A character language model" engine={engine} error={lm.error ?? (lm.outcome?.reason === 'diverged' ? lm.outcome.message : null)} controls={controls}>
      <p className="charlm-backend" data-testid="charlm-backend" data-backend={lm.backend?.name ?? ''}>
        {workerBackendLine(lm.backend)}
      </p>
      {lm.notice && <p className="charlm-notice" role="status" data-testid="charlm-notice">{lm.notice}</p>}
      <h5>Text</h5>
      <CorpusPanel choice={choice} onChoice={setChoice} ownText={ownText} onOwnText={setOwnText} onCorpus={onCorpus} />
      <h5>Model and training</h5>
      <SettingsPanel options={options} onChange={setOptions} disabled={running} />
      {shownEmbeddingNote && <p className="charlm-notice" role="status" data-testid="embedding-note">{shownEmbeddingNote}</p>}
      <VocabularyCost vocabularySize={vocabularySize} options={options} />
      <CompareStepsInput value={compareSteps} onChange={setCompareSteps} disabled={running} />
      <div className="charlm-progress" data-testid="charlm-progress" data-status={progressStatus(running, lm.outcome)} data-steps={latest?.step.step ?? 0} data-perplexity={latest?.step.perplexity ?? ''}>
        <progress max={1} value={latest?.step.progress ?? 0} aria-label="Training progress" />
        {latest ? (
          <span>
            {lm.training ?? latest.label}: step {latest.step.step}, epoch {latest.step.epoch + 1}, perplexity{' '}
            <strong title={`loss ${formatNumber(latest.step.loss, 3)} nats`}>{formatPerplexity(latest.step.perplexity)}</strong>,{' '}
            {Math.round(latest.step.tokensPerSecond).toLocaleString('en')} characters/s{latest.step.clipped ? ', clipped' : ''}
            {lm.outcome && !running ? ` — ${lm.outcome.message}` : ''}
          </span>
        ) : (
          <span>{lm.model ? `Holding a model (${lm.model}), not trained here.` : 'Not trained yet.'}</span>
        )}
      </div>
      <LiveLineChart title="Perplexity per step (log scale)" xLabel="step" yLabel="perplexity" logY series={series} />
      {results.length > 1 && (
        <ul className="charlm-results" data-testid="charlm-results" aria-label="Perplexity of each run">
          {results.map((r) => (
            <li key={r.label} data-label={r.label} data-perplexity={r.perplexity}>
              {r.label}: perplexity <strong>{formatPerplexity(r.perplexity)}</strong> over steps {r.first}–{r.steps}
            </li>
          ))}
        </ul>
      )}
      {lm.samples.length > 0 && (
        <details className="charlm-samples" open>
          <summary>Samples while training (temperature 0.8)</summary>
          <ol>
            {lm.samples.slice(-6).map((s) => (
              <li key={`${s.label}-${s.step}`}>
                <span className="sample-step">{s.label} step {s.step}</span> <span className="sample-text">{s.text}</span>
              </li>
            ))}
          </ol>
        </details>
      )}
      <h5>Write with it</h5>
      <GeneratePanel generate={lm.generate} cancel={lm.cancelGeneration} unavailable={generateUnavailable(lm.model)} />
      <h5>Take it to PyTorch, and back</h5>
      <FilePanel exportFile={lm.exportFile} importFile={lm.importFile} disabled={running} canExport={!!lm.model} />
    </WidgetFrame>
  );
}
