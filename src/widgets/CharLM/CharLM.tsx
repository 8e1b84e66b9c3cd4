import { useCallback, useEffect, useMemo, useState } from 'react';
import { LineChartCard, SERIES_COLORS } from '../../components/Charts';
import { WidgetFrame } from '../../components/WidgetFrame';
import { CELL_KINDS } from '../../core/cells/types';
import { minibatchesPerEpoch } from '../../core/data/minibatches';
import { CHAR_LM_DEFAULTS } from '../../core/train/charLm';
import { announceWorkerBackend, type EngineState } from '../../hooks/useEngine';
import { usePersistentState } from '../../hooks/usePersistentState';
import { useThrottled } from '../../hooks/useThrottled';
import './CharLM.css';
import { CorpusPanel, type Corpus, type CorpusChoice } from './CorpusPanel';
import { FilePanel } from './FilePanel';
import { GeneratePanel } from './GeneratePanel';
import { SettingsPanel } from './SettingsPanel';
import { useCharLmWorker } from './useCharLmWorker';

const BACKEND_NAMES = { webgpu: 'WebGPU', webgl: 'WebGL', wasm: 'WebAssembly', cpu: 'CPU' } as const;
/** Points drawn per curve: enough to see the shape, few enough to redraw every step. */
const CHART_POINTS = 120;

const thin = <T,>(items: T[]) => (items.length <= CHART_POINTS ? items : items.filter((_, k) => k % Math.ceil(items.length / CHART_POINTS) === 0 || k === items.length - 1));

/** Chapter 9: train a character language model on a text in a background thread, watch it learn, make it write. */
export default function CharLM() {
  const lm = useCharLmWorker();
  // The engine this figure uses lives in its worker; the page's own engine is not needed here.
  const engine: EngineState = lm.backend ? { status: 'ready', backend: lm.backend } : { status: 'loading' };
  useEffect(() => {
    if (lm.backend) announceWorkerBackend(lm.backend);
  }, [lm.backend]);
  const [options, setOptions, resetOptions] = usePersistentState('charlm-options', CHAR_LM_DEFAULTS);
  const [choice, setChoice] = usePersistentState<CorpusChoice>('charlm-corpus', { source: 'builtin', preprocessing: 'letters' });
  const [ownText, setOwnText] = usePersistentState('charlm-own-text', '');
  const [corpus, setCorpus] = useState<Corpus>({ text: null, vocabulary: null, problem: null });
  const [compareSteps, setCompareSteps] = useState(0);
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
    const curves = CELL_KINDS.filter((kind) => kind === options.kind || chartRuns[kind]).map((kind) => ({
      name: kind,
      color: SERIES_COLORS[CELL_KINDS.indexOf(kind)],
      points: thin(chartRuns[kind] ?? []).map((s) => ({ x: s.step, y: s.perplexity })),
    }));
    const trained = Math.max(0, ...curves.map((c) => c.points.at(-1)?.x ?? 0));
    const planned = corpus.text ? options.epochs * minibatchesPerEpoch(corpus.text.length, options.sampling, options.batch, options.steps) : 0;
    const end = trained > 0 ? trained : Math.max(1, planned);
    const uniform = { name: `uniform guess (V = ${vocabularySize})`, points: [{ x: 0, y: vocabularySize }, { x: end, y: vocabularySize }], reference: true };
    return vocabularySize > 1 ? [...curves, uniform] : curves;
  }, [chartRuns, corpus.text, vocabularySize, options.kind, options.epochs, options.sampling, options.batch, options.steps]);

  const trainOne = () => corpus.text && lm.train(options.kind, corpus.text, choice.preprocessing, options);
  const compare = async () => {
    if (!corpus.text) return;
    lm.reset();
    const steps = Math.max(50, compareSteps || 200);
    for (const kind of CELL_KINDS) {
      const outcome = await lm.train(kind, corpus.text, choice.preprocessing, { ...options, kind, epochs: 50 }, steps);
      if (outcome.reason === 'diverged') break;
    }
  };

  const controls = (
    <>
      <button type="button" onClick={trainOne} disabled={!canTrain}>Train {options.kind}</button>
      <button type="button" onClick={running ? (lm.paused ? lm.resume : lm.pause) : undefined} disabled={!running}>
        {lm.paused ? 'Resume' : 'Pause'}
      </button>
      <button type="button" onClick={lm.stop} disabled={!running}>Stop</button>
      <button type="button" onClick={compare} disabled={!canTrain}>Compare RNN · LSTM · GRU</button>
      <button type="button" onClick={() => { lm.reset(); resetOptions(); }}>Reset</button>
    </>
  );

  return (
    <WidgetFrame title="A character language model" engine={engine} error={lm.error ?? (lm.outcome?.reason === 'diverged' ? lm.outcome.message : null)} controls={controls}>
      <p className="charlm-backend" data-testid="charlm-backend" data-backend={lm.backend?.name ?? ''}>
        {lm.backend ? `Training runs in a background thread on ${BACKEND_NAMES[lm.backend.name]}${lm.backend.fallbackReason ? ` (${lm.backend.fallbackReason})` : ''}.` : 'Starting the training thread…'}
      </p>
      <h5>Text</h5>
      <CorpusPanel choice={choice} onChoice={setChoice} ownText={ownText} onOwnText={setOwnText} onCorpus={onCorpus} />
      <h5>Model and training</h5>
      <SettingsPanel options={options} onChange={setOptions} disabled={running} />
      <label className="compare-steps">
        Steps per cell when comparing{' '}
        <input type="number" min={50} max={5000} step={50} value={compareSteps || 200} onChange={(event) => setCompareSteps(Number(event.target.value))} />
      </label>
      <div className="charlm-progress" data-testid="charlm-progress" data-status={running ? 'running' : lm.outcome?.reason ?? 'idle'} data-steps={latest?.step ?? 0} data-perplexity={latest?.perplexity ?? ''}>
        <progress max={1} value={latest?.progress ?? 0} aria-label="Training progress" />
        {latest ? (
          <span>
            {lm.training ?? runs[runs.length - 1][0]}: step {latest.step}, epoch {latest.epoch + 1}, perplexity{' '}
            <strong title={String(latest.perplexity)}>{latest.perplexity.toFixed(2)}</strong>,{' '}
            {Math.round(latest.tokensPerSecond).toLocaleString('en')} characters/s{latest.clipped ? ', clipped' : ''}
            {lm.outcome && !running ? ` — ${lm.outcome.message}` : ''}
          </span>
        ) : (
          <span>Not trained yet.</span>
        )}
      </div>
      {/* Drawn from the start, empty: mounting a chart mid-run would stall the page for a moment. */}
      <LineChartCard title="Perplexity per step (log scale)" xLabel="step" yLabel="perplexity" logY series={series} />
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
      <GeneratePanel generate={lm.generate} disabled={running || !latest} />
      <h5>Take it to PyTorch, and back</h5>
      <FilePanel exportFile={lm.exportFile} importFile={lm.importFile} disabled={running} />
    </WidgetFrame>
  );
}
