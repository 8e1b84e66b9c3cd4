/**
 * `npm run memory -- --task echo --delays 1-30 --cells rnn,lstm,gru [--seeds 0-4] [--steps N] [--hidden H]`
 * trains every cell at every delay (for echo; the sequence length for the other tasks) and seed with the
 * book's engine, and prints held-out accuracy as a table: one row per delay, one column per cell, mean ±
 * standard deviation over seeds. Lists take ranges and commas: `1,5,10,20,40`, `1-5,10`.
 * Other options: --lr, --batch, --clip, --optimizer adam|sgd, --layers, --length, --max-depth,
 * --backend wasm|cpu (default wasm, the fastest for nets this small), --preset NAME (a preset of
 * src/core/tasks/presets.ts; flags given beside it override it).
 */
import { startBackend, type BenchBackend } from './nodeBackends';
import * as tf from '../src/core/runtime/tf';
import { cellChoice, CELL_CHOICES, DEFAULT_TASK_SETTINGS, presetByName, summarize, sweep, taskById, type CellChoice, type SweepOptions, type SweepRun } from '../src/core/tasks';
import { readerText } from '../src/i18n/readerText';

function argument(name: string): string | undefined {
  const index = process.argv.indexOf(`--${name}`);
  return index >= 0 ? process.argv[index + 1] : undefined;
}

/** "1-3,5,10" → [1, 2, 3, 5, 10]. */
function integerList(text: string, what: string): number[] {
  const values = text.split(',').flatMap((part) => {
    const [first, last = first] = part.split('-').map(Number);
    if (!Number.isInteger(first) || !Number.isInteger(last) || last < first) throw new Error(`--${what} takes lists such as 1,5,10 or 1-30, not "${text}"`);
    return Array.from({ length: last - first + 1 }, (_, k) => first + k);
  });
  return [...new Set(values)];
}

function numberOption(name: string, fallback: number): number {
  const text = argument(name);
  if (text === undefined) return fallback;
  const value = Number(text);
  if (!Number.isFinite(value)) throw new Error(`--${name} takes a number, not "${text}"`);
  return value;
}

const preset = argument('preset') ? presetByName(argument('preset') as string) : null;
const task = taskById(argument('task') ?? preset?.task ?? 'echo');
const spans = argument('delays') ? integerList(argument('delays') as string, 'delays') : (preset?.spans ?? [1, 5, 10, 20, 40]);
const cells: CellChoice[] = argument('cells') ? (argument('cells') as string).split(',').map(cellChoice) : [...(preset?.cells ?? ['rnn', 'lstm', 'gru'])];
const seeds = argument('seeds') ? integerList(argument('seeds') as string, 'seeds') : [0, 1, 2];
const base = { ...DEFAULT_TASK_SETTINGS, ...preset?.settings };
const longest = Math.max(...spans);
// Echo needs a sequence longer than its longest delay: by default ten scored steps past it.
const length = numberOption('length', preset?.settings.length ?? (task.span === 'delay' ? Math.max(base.length, longest + 10) : base.length));
const settings = { ...base, length, maxDepth: numberOption('max-depth', base.maxDepth) };
const training: SweepOptions['training'] = {
  hiddenSize: numberOption('hidden', preset?.training.hiddenSize ?? 16),
  numLayers: numberOption('layers', preset?.training.numLayers ?? 1),
  optimizer: (argument('optimizer') ?? preset?.training.optimizer ?? 'adam') as 'adam' | 'sgd',
  learningRate: numberOption('lr', preset?.training.learningRate ?? 0.01),
  clipNorm: numberOption('clip', preset?.training.clipNorm ?? 1),
  batch: numberOption('batch', preset?.training.batch ?? 32),
  steps: numberOption('steps', preset?.training.steps ?? 300),
};
if (training.optimizer !== 'adam' && training.optimizer !== 'sgd') throw new Error('--optimizer takes adam or sgd');
const backend = (argument('backend') ?? 'wasm') as BenchBackend;
if (backend !== 'wasm' && backend !== 'cpu') throw new Error('--backend takes wasm or cpu');

const how = await startBackend(backend);
const spanName = task.span === 'delay' ? 'delay' : 'length';
const fixed = task.span === 'delay' ? `length ${settings.length}` : task.id === 'parentheses' ? `max depth ${settings.maxDepth}` : '';
console.log(`${readerText(task.title, 'en')}: ${readerText(task.statement, 'en')}`);
console.log(
  `tfjs ${tf.getBackend()} backend (${how}); ${training.steps} steps × batch ${training.batch}, hidden ${training.hiddenSize}, ` +
    `${training.numLayers} layer(s), ${training.optimizer} lr ${training.learningRate}, clip ${training.clipNorm || 'off'}${fixed ? `, ${fixed}` : ''}; ` +
    `seeds ${seeds.join(',')}; held-out accuracy (256 sequences), mean ± sd over seeds; chance ≈ ${task.chanceAccuracy(settings).toFixed(2)}`,
);

const started = performance.now();
const runs: SweepRun[] = [];
const sweepRun = sweep({ task, settings, spans, cells, seeds, training });
for (let next = await sweepRun.next(); !next.done; next = await sweepRun.next()) {
  const { run, done, total } = next.value;
  runs.push(run);
  const note = run.reason === 'diverged' ? ' (diverged)' : '';
  process.stderr.write(`\r${done}/${total}: ${spanName} ${run.span}, ${run.cell}, seed ${run.seed}: ${run.accuracy.toFixed(3)} in ${(run.elapsedMs / 1000).toFixed(1)} s${note}      `);
}
process.stderr.write('\n');

const width = 15;
const pad = (text: string) => text.padStart(width);
console.log(spanName.padStart(6) + cells.map((cell) => pad(readerText(CELL_CHOICES[cell].label, 'en'))).join(''));
for (const span of spans) {
  const columns = cells.map((cell) => {
    const s = summarize(runs, span, cell);
    return pad(s ? `${s.mean.toFixed(2)} ± ${s.sd.toFixed(2)}` : '–');
  });
  console.log(String(span).padStart(6) + columns.join(''));
}
const seconds = (performance.now() - started) / 1000;
const perRun = runs.map((r) => r.elapsedMs).sort((a, b) => a - b);
console.log(`${runs.length} runs in ${seconds.toFixed(0)} s (median ${(perRun[perRun.length >> 1] / 1000).toFixed(1)} s per run)`);
