/**
 * One benchmark process per tfjs backend (`vite-node bench/suite.ts -- --backend wasm [--quick]
 * [--workloads stepper,charlm] [--kinds RNN,LSTM,GRU] [--no-layers] [--gpu auto|hardware|software]`): the engine's workloads and the tfjs-layers
 * peer, printed as rows.
 */
import type { CellKind } from '../src/core/cells/types';
import type { HelloVariant } from '../src/core/train/hello';
import { layersCharLmStep } from './layersPeer';
import type { AdapterChoice } from '../tests/parity/webgpuNode';
import { BACKEND_LABELS, startBackend, type BenchBackend } from './nodeBackends';
import { plans, RESULT_MARKER, SOFTWARE_GPU_SKIPS, type Implementation, type Row, type Workload } from './rows';
import { summarise, type Plan, type Samples } from './timing';
import { charLmStep, generation, helloRun, stepperLatency } from './workloads';

function argument(name: string): string | undefined {
  const index = process.argv.indexOf(`--${name}`);
  return index >= 0 ? process.argv[index + 1] : undefined;
}

const backend = argument('backend') as BenchBackend;
if (!(backend in BACKEND_LABELS)) throw new Error(`--backend must be one of ${Object.keys(BACKEND_LABELS).join(', ')}`);
const workloads = (argument('workloads') ?? 'stepper,hello,charlm,generate').split(',') as Workload[];
const quick = process.argv.includes('--quick');
const gpu = (argument('gpu') ?? 'auto') as AdapterChoice;
const CELLS: CellKind[] = (argument('kinds') ?? 'RNN,LSTM,GRU').split(',') as CellKind[];
/** `--no-layers` leaves out the tfjs-layers peer, the slowest rows, to compare the engine alone quickly. */
const withLayers = !process.argv.includes('--no-layers');
const VARIANTS: HelloVariant[] = ['cell', 'rnn', 'embedding'];

const { label, device, engineDevice, softwareGpu } = await startBackend(backend, gpu);
const plan = plans(quick, backend === 'webgpu' ? (softwareGpu ? 'software' : 'hardware') : null);
console.error(`  ${label}: ${engineDevice}`);
const rows: Row[] = [];

async function record(workload: Workload, variant: string, implementation: Implementation, run: (p: Plan) => Promise<Samples>) {
  const row = { workload, variant, implementation, backend: label, device: implementation === 'engine' ? engineDevice : device };
  const p = plan[workload];
  if (!p) {
    rows.push({ ...row, note: SOFTWARE_GPU_SKIPS[workload] ?? 'skipped' });
    return;
  }
  const { samples } = await run(p);
  rows.push({ ...row, samples });
  console.error(`  ${backend} ${workload} ${variant} ${implementation}: median ${summarise(samples).median.toFixed(2)} ms`);
}

for (const workload of workloads) {
  if (workload === 'stepper') for (const kind of CELLS) await record(workload, kind, 'engine', (p) => stepperLatency(kind, p));
  if (workload === 'hello') for (const variant of VARIANTS) await record(workload, variant, 'engine', (p) => helloRun(variant, p));
  if (workload === 'charlm') {
    for (const kind of CELLS) {
      await record(workload, kind, 'engine', (p) => charLmStep(kind, p));
      // A quick run leaves out the slowest rows of all: tfjs-layers on the software GPU.
      if (withLayers && !(quick && softwareGpu)) await record(workload, kind, 'tfjs-layers', (p) => layersCharLmStep(kind, p));
    }
  }
  if (workload === 'generate') await record(workload, 'LSTM', 'engine', (p) => generation(p));
}
console.log(RESULT_MARKER + JSON.stringify(rows));
