import { useCallback, useEffect, useMemo, useRef, useState } from 'react';
import { LineChartCard, SERIES_COLORS } from '../../components/Charts';
import { formatNumber } from '../../components/format';
import { WidgetFrame } from '../../components/WidgetFrame';
import { CELL_KINDS, type CellKind } from '../../core/cells/types';
import { minibatchesPerEpoch } from '../../core/data/minibatches';
import { LARGE_VOCABULARY, LARGE_VOCABULARY_EMBEDDING } from '../../core/figures/charLmCost';
import { CHAR_LM_DEFAULTS, recentPerplexity, type CharLmOptions } from '../../core/train/charLm';
import { announceWorkerBackend, BACKEND_LABELS, type EngineState } from '../../hooks/useEngine';
import { fitSettings } from '../../hooks/settingsSchema';
import { usePersistentState } from '../../hooks/usePersistentState';
import { useThrottled } from '../../hooks/useThrottled';
import './CharLM.css';
import { CHAR_LM_OPTIONS_SCHEMA, COMPARE_STEPS_DEFAULT, CORPUS_DEFAULTS, CORPUS_SCHEMA } from '../../workers/charLmSettings';
import { CompareStepsInput } from './CompareStepsInput';
import { CorpusPanel, type Corpus } from './CorpusPanel';
import { FilePanel } from './FilePanel';
import { GeneratePanel } from './GeneratePanel';
import { formatPerplexity } from './formatPerplexity';
import { ResetButton } from './ResetButton';
import { SettingsPanel } from './SettingsPanel';
import { useCharLmWorker } from './useCharLmWorker';
import { VocabularyCost } from './VocabularyCost';

/** Points drawn per curve: enough to see the shape, few enough to redraw every step. */
const CHART_POINTS = 120;

/** Steps whose mean loss the results line compares runs by: one minibatch alone is too noisy. */
const RESULT_WINDOW = 50;

const thin = <T,>(items: T[]) => (items.length <= CHART_POINTS ? items : items.filter((_, k) => k % Math.ceil(items.length / CHART_POINTS) === 0 || k === items.length - 1));

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
  const runs = Object.entries(lm.runs);
  const latest = runs.length ? runs[runs.length - 1][1].at(-1) : undefined;
  // Redrawing the chart is the costliest thing on the page: once a second is plenty while training.
  const chartRuns = useThrottled(lm.runs, 1000);
  // A curve for the chosen cell and for every cell trained so far, each in its own colour, and the perplexity
  // V of a uniform guess as a dashed reference (over the planned run until a run starts, then over the steps
  // so far). The chart is drawn from the moment the text is known, so a run changes its data, not its shape:
  // reshaping a chart mid-run would stall the page for a moment.
  const vocabularySize = corpus.vocabulary?.tokens.length ?? 0;
  const series = useMemo(() => {
    // Before any run, an empty curve for the chosen cell; then one per run, cells and minibatch schemes alike.
    const labels = Object.keys(chartRuns).length ? Object.keys(chartRuns) : [options.kind];
    const curves = labels.map((label, k) => ({
      name: label,
      color: SERIES_COLORS[(CELL_KINDS as readonly string[]).includes(label) ? CELL_KINDS.indexOf(label as CellKind) : k % SERIES_COLORS.length],
      // A log axis cannot place Infinity; the progress line says how big it got.
      points: thin((chartRuns[label] ?? []).filter((s) => Number.isFinite(s.perplexity))).map((s) => ({ x: s.step, y: s.perplexity })),
    }));
    const trained = Math.max(0, ...curves.map((c) => c.points.at(-1)?.x ?? 0));
    const planned = corpus.text ? options.epochs * minibatchesPerEpoch(corpus.characters, options.sampling, options.batch, options.steps) : 0;
    const end = trained > 0 ? trained : Math.max(1, planned);
    const uniform = { name: `uniform guess (V = ${vocabularySize})`, points: [{ x: 0, y: vocabularySize }, { x: end, y: vocabularySize }], reference: true };
    return vocabularySize > 1 ? [...curves, uniform] : curves;
  }, [chartRuns, corpus.text, corpus.characters, vocabularySize, options.kind, options.epochs, options.sampling, options.batch, options.steps]);

  const trainOne = () => corpus.text && lm.train(options.kind, corpus.text, choice.preprocessing, options);
  // Stop, Reset or a failure ends the whole comparison, not just the cell in training.
  const compare = async () => {
    if (!corpus.text) return;
    lm.reset();
    for (const kind of CELL_KINDS) {
      const outcome = await lm.train(kind, corpus.text, choice.preprocessing, { ...options, kind, epochs: 50 }, compareSteps);
      if (outcome.reason !== 'finished' && !(outcome.reason === 'aborted' && outcome.steps >= compareSteps)) break;
    }
  };
  // The same cell, settings and seed twice, once per minibatch scheme: the two curves differ only by it.
  const compareSampling = async () => {
    if (!corpus.text) return;
    lm.reset();
    for (const sampling of ['sequential', 'random'] as const) {
      const outcome = await lm.train(`${options.kind} · ${sampling}`, corpus.text, choice.preprocessing, { ...options, sampling, epochs: 50 }, compareSteps);
      if (outcome.reason !== 'finished' && !(outcome.reason === 'aborted' && outcome.steps >= compareSteps)) break;
    }
  };
  // A large vocabulary switches one-hot input to an embedding once, when the text's vocabulary grows
  // past the threshold; a reader who then sets 0 again keeps one-hot.
  const [embeddingNote, setEmbeddingNote] = useState<string | null>(null);
  const wasLarge = useRef(false);
  useEffect(() => {
    const large = vocabularySize > LARGE_VOCABULARY;
    if (large && !wasLarge.current && options.embeddingSize === 0 && !running) {
      setOptions({ ...options, embeddingSize: LARGE_VOCABULARY_EMBEDDING });
      setEmbeddingNote(`With ${vocabularySize.toLocaleString('en')} tokens, one-hot vectors would be ${vocabularySize.toLocaleString('en')} wide: the input is now an embedding of ${LARGE_VOCABULARY_EMBEDDING} (set the embedding size to 0 for one-hot).`);
    }
    if (!large) setEmbeddingNote(null);
    wasLarge.current = large;
  }, [vocabularySize, options, setOptions, running]);
  const results = runs.filter(([, steps]) => steps.length > 0).map(([label, steps]) => ({ label, steps: steps.at(-1)!.step, perplexity: recentPerplexity(steps, RESULT_WINDOW) }));
  // During a run the worker writes between two training steps, with the weights as they are then.
  const generateUnavailable = lm.model ? null : 'Train a model or import one to write with it.';

  const controls = (
    <>
      <button type="button" onClick={trainOne} disabled={!canTrain}>Train {options.kind}</button>
      <button type="button" onClick={running ? (lm.paused ? lm.resume : lm.pause) : undefined} disabled={!running}>
        {lm.paused ? 'Resume' : 'Pause'}
      </button>
      <button type="button" onClick={lm.stop} disabled={!running}>Stop</button>
      <button type="button" onClick={compare} disabled={!canTrain}>Compare RNN · LSTM · GRU</button>
      <button type="button" onClick={compareSampling} disabled={!canTrain}>Compare sequential · random</button>
      <ResetButton modelHeld={lm.model} onReset={() => { lm.reset(); resetOptions(); }} />
    </>
  );

  return (
    <WidgetFrame title="A character language model" engine={engine} error={lm.error ?? (lm.outcome?.reason === 'diverged' ? lm.outcome.message : null)} controls={controls}>
      <p className="charlm-backend" data-testid="charlm-backend" data-backend={lm.backend?.name ?? ''}>
        {lm.backend ? `Training runs in a background thread on ${BACKEND_LABELS[lm.backend.name]}${lm.backend.fallbackReason ? ` (${lm.backend.fallbackReason})` : ''}.` : 'Starting the training thread…'}
      </p>
      {lm.notice && <p className="charlm-notice" role="status" data-testid="charlm-notice">{lm.notice}</p>}
      <h5>Text</h5>
      <CorpusPanel choice={choice} onChoice={setChoice} ownText={ownText} onOwnText={setOwnText} onCorpus={onCorpus} />
      <h5>Model and training</h5>
      <SettingsPanel options={options} onChange={setOptions} disabled={running} />
      {embeddingNote && <p className="charlm-notice" role="status" data-testid="embedding-note">{embeddingNote}</p>}
      <VocabularyCost vocabularySize={vocabularySize} options={options} />
      <CompareStepsInput value={compareSteps} onChange={setCompareSteps} disabled={running} />
      <div className="charlm-progress" data-testid="charlm-progress" data-status={running ? 'running' : lm.outcome?.reason ?? 'idle'} data-steps={latest?.step ?? 0} data-perplexity={latest?.perplexity ?? ''}>
        <progress max={1} value={latest?.progress ?? 0} aria-label="Training progress" />
        {latest ? (
          <span>
            {lm.training ?? runs[runs.length - 1][0]}: step {latest.step}, epoch {latest.epoch + 1}, perplexity{' '}
            <strong title={`loss ${formatNumber(latest.loss, 3)} nats`}>{formatPerplexity(latest.perplexity)}</strong>,{' '}
            {Math.round(latest.tokensPerSecond).toLocaleString('en')} characters/s{latest.clipped ? ', clipped' : ''}
            {lm.outcome && !running ? ` — ${lm.outcome.message}` : ''}
          </span>
        ) : (
          <span>{lm.model ? `Holding a model (${lm.model}), not trained here.` : 'Not trained yet.'}</span>
        )}
      </div>
      {/* Drawn from the start, empty: mounting a chart mid-run would stall the page for a moment. */}
      <LineChartCard title="Perplexity per step (log scale)" xLabel="step" yLabel="perplexity" logY series={series} />
      {results.length > 1 && (
        <ul className="charlm-results" data-testid="charlm-results" aria-label="Perplexity of each run">
          {results.map((r) => (
            <li key={r.label} data-label={r.label} data-perplexity={r.perplexity}>
              {r.label}: perplexity <strong>{formatPerplexity(r.perplexity)}</strong> over steps {Math.max(1, r.steps - RESULT_WINDOW + 1)}–{r.steps}
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
      <GeneratePanel generate={lm.generate} cancel={lm.cancelGeneration} unavailable={generateUnavailable} />
      <h5>Take it to PyTorch, and back</h5>
      <FilePanel exportFile={lm.exportFile} importFile={lm.importFile} disabled={running} canExport={!!lm.model} />
    </WidgetFrame>
  );
}
