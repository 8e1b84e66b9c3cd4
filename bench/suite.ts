/**
 * One benchmark process per tfjs backend (`vite-node bench/suite.ts -- --backend wasm [--quick]
 * [--workloads stepper,charlm]`): the engine's workloads and the tfjs-layers peer, printed as rows.
 */
import type { CellKind } from '../src/core/cells/types';
import type { HelloVariant } from '../src/core/train/hello';
import { layersCharLmStep } from './layersPeer';
import { BACKEND_LABELS, startBackend, type BenchBackend } from './nodeBackends';
import { plans, RESULT_MARKER, type Implementation, type Row, type Workload } from './rows';
import { summarise, type Samples } from './timing';
import { charLmStep, generation, helloRun, stepperLatency } from './workloads';

function argument(name: string): string | undefined {
  const index = process.argv.indexOf(`--${name}`);
  return index >= 0 ? process.argv[index + 1] : undefined;
}

const backend = argument('backend') as BenchBackend;
if (!(backend in BACKEND_LABELS)) throw new Error(`--backend must be one of ${Object.keys(BACKEND_LABELS).join(', ')}`);
const workloads = (argument('workloads') ?? 'stepper,hello,charlm,generate').split(',') as Workload[];
const plan = plans(process.argv.includes('--quick'));
const CELLS: CellKind[] = ['RNN', 'LSTM', 'GRU'];
const VARIANTS: HelloVariant[] = ['cell', 'rnn', 'embedding'];

const device = await startBackend(backend);
const rows: Row[] = [];

async function record(workload: Workload, variant: string, implementation: Implementation, run: () => Promise<Samples>) {
  const { samples } = await run();
  rows.push({ workload, variant, implementation, backend: BACKEND_LABELS[backend], device, samples });
  console.error(`  ${backend} ${workload} ${variant} ${implementation}: median ${summarise(samples).median.toFixed(2)} ms`);
}

for (const workload of workloads) {
  if (workload === 'stepper') for (const kind of CELLS) await record(workload, kind, 'engine', () => stepperLatency(kind, plan.stepper));
  if (workload === 'hello') for (const variant of VARIANTS) await record(workload, variant, 'engine', () => helloRun(variant, plan.hello));
  if (workload === 'charlm') {
    for (const kind of CELLS) {
      await record(workload, kind, 'engine', () => charLmStep(kind, plan.charlm));
      await record(workload, kind, 'tfjs-layers', () => layersCharLmStep(kind, plan.charlm));
    }
  }
  if (workload === 'generate') await record(workload, 'LSTM', 'engine', () => generation(plan.generate));
}
console.log(RESULT_MARKER + JSON.stringify(rows));
