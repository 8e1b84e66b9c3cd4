/**
 * `npm run hello -- --variant cell|rnn|embedding --seeds 0-99 [--epochs 15] [--list]`: trains "hello" →
 * "ohlol" once per seed with the book's own engine (tfjs CPU backend) and reports how many seeds end
 * predicting "ohlol". A seed is `torch.manual_seed(seed)`, so the count is PyTorch's for the same variant;
 * `--list` also prints each seed's last-epoch prediction (`seed 7: ohlol`), line for line what the
 * chapter's PyTorch code prints last for that seed.
 */
import * as tf from '../src/core/runtime/tf';
import { helloDefaults, trainHello, type HelloVariant } from '../src/core/train/hello';

function argument(name: string, fallback: string): string {
  const index = process.argv.indexOf(`--${name}`);
  return index >= 0 && process.argv[index + 1] ? process.argv[index + 1] : fallback;
}

const variant = argument('variant', 'cell') as HelloVariant;
if (!['cell', 'rnn', 'embedding'].includes(variant)) throw new Error(`--variant must be cell, rnn or embedding, not ${variant}`);
const [first, last] = argument('seeds', '0-99').split('-').map(Number);
const epochs = Number(argument('epochs', '15'));
const list = process.argv.includes('--list');
if (!(Number.isInteger(first) && Number.isInteger(last) && last >= first)) throw new Error('--seeds takes a range such as 0-99');

await tf.setBackend('cpu');
let successes = 0;
const times: number[] = [];
for (let seed = first; seed <= last; seed++) {
  const started = performance.now();
  let prediction = '';
  for await (const epoch of trainHello({ ...helloDefaults(variant), epochs, seed })) prediction = epoch.prediction;
  times.push(performance.now() - started);
  if (list) console.log(`seed ${seed}: ${prediction}`);
  if (prediction === 'ohlol') successes++;
}
times.sort((a, b) => a - b);
const count = last - first + 1;
console.log(`variant ${variant}, seeds ${first}-${last}, backend ${tf.getBackend()}: median ${times[times.length >> 1].toFixed(1)} ms per ${epochs}-epoch run`);
console.log(`ohlol after ${epochs} epochs: ${successes}/${count} seeds`);
