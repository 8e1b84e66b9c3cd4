/**
 * The character language model's own thread: it holds the model and runs training, sampling and
 * file import/export, so that the page never waits on tensor work. A thin adapter over `src/core`.
 */
import { initBackend, parseBackendName } from '../core/backend';
import { buildVocabulary, encode, type Preprocessing, type Vocabulary } from '../core/data/vocabulary';
import { generate } from '../core/generate';
import type { CharModel } from '../core/model';
import { fromModelFile, toModelFile } from '../core/modelFile';
import * as tf from '../core/tf';
import { createCharLmModel, trainCharLm, type CharLmStep } from '../core/train/charLm';
import { TrainingControl } from '../core/train/trainer';
import type { FromWorker, ToWorker } from './charLmProtocol';

const post = (message: FromWorker) => self.postMessage(message);
/** How often progress reaches the page: often enough to look live, rarely enough to cost it nothing. */
const REPORT_EVERY_MS = 200;

let current: { model: CharModel; vocabulary: Vocabulary; preprocessing: Preprocessing } | null = null;
let control: TrainingControl | null = null;
/** Serialises requests that touch the model, so a generate never races a training step. */
let queue: Promise<void> = Promise.resolve();

function replaceModel(next: typeof current) {
  current?.model.dispose();
  current = next;
}

async function train(message: Extract<ToWorker, { type: 'train' }>) {
  const vocabulary = buildVocabulary(message.text);
  const model = createCharLmModel(message.options, vocabulary.tokens.length);
  replaceModel({ model, vocabulary, preprocessing: message.preprocessing });
  control = new TrainingControl();
  const run = trainCharLm(model, encode(vocabulary, message.text), message.options, control);
  const prefix = message.text.slice(0, 1);
  let unreported: CharLmStep[] = [];
  let lastReport = 0;
  const report = () => {
    if (unreported.length) post({ type: 'steps', label: message.label, steps: unreported });
    unreported = [];
    lastReport = performance.now();
  };
  for (let next = await run.next(); ; next = await run.next()) {
    if (next.done) {
      report();
      post({ type: 'stopped', label: message.label, outcome: next.value });
      break;
    }
    const step = next.value;
    unreported.push(step);
    if (performance.now() - lastReport > REPORT_EVERY_MS) report();
    if (message.sampleEvery > 0 && step.step % message.sampleEvery === 0) {
      post({ type: 'sample', label: message.label, step: step.step, text: await generate(model, vocabulary, prefix, { length: 100, temperature: 0.8, seed: step.step }) });
    }
    if (message.maxSteps && step.step >= message.maxSteps) control.abort();
  }
  control = null;
}

async function handle(message: ToWorker): Promise<void> {
  switch (message.type) {
    case 'init':
      post({ type: 'ready', backend: await initBackend(parseBackendName(message.backend)) });
      return;
    case 'train':
      return train(message);
    case 'reset':
      replaceModel(null);
      return;
    case 'generate':
      if (!current) throw new Error('Train a model or import one first.');
      post({ type: 'generated', text: await generate(current.model, current.vocabulary, message.prefix, message) });
      return;
    case 'export':
      if (!current) throw new Error('There is no model to export yet.');
      post({ type: 'exported', file: JSON.stringify(await toModelFile(current.model, current.vocabulary, current.preprocessing)) });
      return;
    case 'import': {
      const loaded = fromModelFile(message.file);
      replaceModel(loaded);
      const { kind, hiddenSize, numLayers } = loaded.model.config;
      post({ type: 'imported', vocabulary: loaded.vocabulary.tokens, preprocessing: loaded.preprocessing, description: `${kind}, hidden ${hiddenSize}, ${numLayers} layer${numLayers > 1 ? 's' : ''}` });
      return;
    }
    case 'memory':
      post({ type: 'memory', numTensors: tf.memory().numTensors });
      return;
  }
}

self.onmessage = ({ data }: MessageEvent<ToWorker>) => {
  // Pause, resume and abort act at once, even while a training run holds the queue.
  if (data.type === 'pause') return control?.pause();
  if (data.type === 'resume') return control?.resume();
  if (data.type === 'abort') return control?.abort();
  queue = queue.then(() => handle(data)).catch((error: unknown) => post({ type: 'error', message: error instanceof Error ? error.message : String(error) }));
};
