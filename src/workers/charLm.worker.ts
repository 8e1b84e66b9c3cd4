/**
 * The character language model's own thread: it holds the model and runs training, sampling and
 * file import/export, so that the page never waits on tensor work. A thin adapter over `src/core`.
 * Every reply names the request it answers; a failed request answers with an error, never silence.
 */
import { initBackend, onBackendChange, parseBackendName, type BackendInfo } from '../core/runtime/backend';
import { buildVocabulary, encode, type Preprocessing, type Vocabulary } from '../core/data/vocabulary';
import { generateText } from '../core/model/generate';
import type { CharModel } from '../core/model/model';
import { fromModelFile, toModelFile } from '../core/model/modelFile';
import { problemOf, ReaderError, type ReaderMessage } from '../core/readerMessage';
import * as tf from '../core/runtime/tf';
import { createCharLmModel, trainCharLm, type CharLmStep } from '../core/train/charLm';
import { stoppedOutcome, type TrainOutcome } from '../core/train/trainer';
import type { FromWorker, ModelHeld, ModelSummary, ToWorker } from './charLmProtocol';
import { CHAR_LM_OPTIONS_SCHEMA, GENERATE_SCHEMA, settingsProblem } from './charLmSettings';
import { GatedControl } from './gatedControl';
import { WeightsKeeper } from './weightsKeeper';

const post = (message: FromWorker) => self.postMessage(message);
/** How often progress reaches the page: often enough to look live, rarely enough to cost it nothing. */
const REPORT_EVERY_MS = 200;
/** How long a failed request waits for a GPU device loss to announce itself before it counts as an ordinary error. */
const LOSS_GRACE_MS = 300;

let current: { model: CharModel; vocabulary: Vocabulary; preprocessing: Preprocessing } | null = null;
let control: GatedControl | null = null;
/** Serialises requests that touch the model, so a generate never races a training step. */
let queue: Promise<void> = Promise.resolve();
/** Cancellation flags of the generations not yet answered, by request id. */
const generations = new Map<number, { aborted: boolean }>();
const keeper = new WeightsKeeper();
/** Set from the moment the GPU device is lost until the model is rebuilt on the next backend. */
let deviceLoss: Promise<void> | null = null;
/** Whether the engine runs on WebGPU, whose device can be lost. */
let onGpu = false;
/** Device losses so far: a request that saw this number change failed because of one. */
let deviceLosses = 0;

const summaryOf = (model: CharModel): ModelSummary => {
  const { kind, hiddenSize, numLayers } = model.config;
  return { kind, hiddenSize, numLayers };
};

function replaceModel(id: number | null, next: typeof current) {
  try {
    current?.model.dispose();
  } catch {
    // Tensors of a backend that died with its device cannot be freed; they are gone with it.
  }
  current = next;
  const model: ModelHeld = next ? summaryOf(next.model) : null;
  if (id !== null) post({ type: 'model', id, model });
}

/**
 * Whether a request that started when `since` devices had been lost failed because of another loss;
 * if so, waits until the model is rebuilt on the next backend.
 */
async function lostWithDevice(since: number): Promise<boolean> {
  if (deviceLosses === since && onGpu) await new Promise((resolve) => setTimeout(resolve, LOSS_GRACE_MS));
  if (deviceLosses === since) return false;
  await deviceLoss;
  return true;
}

async function train(message: Extract<ToWorker, { type: 'train' }>) {
  const lossesBefore = deviceLosses;
  const problem = settingsProblem(CHAR_LM_OPTIONS_SCHEMA, message.options);
  if (problem) throw new ReaderError(problem);
  const vocabulary = buildVocabulary(message.text);
  const model = createCharLmModel(message.options, vocabulary.tokens.length);
  replaceModel(message.id, { model, vocabulary, preprocessing: message.preprocessing });
  keeper.forget();
  const gate = (control = new GatedControl());
  const run = trainCharLm(model, encode(vocabulary, message.text), message.options, gate);
  // A whole character: the first code unit alone could be half of an emoji.
  const prefix = String.fromCodePoint(message.text.codePointAt(0) ?? 32);
  const reply = { id: message.id, label: message.label };
  let unreported: CharLmStep[] = [];
  let lastReport = 0;
  let lastStep = 0;
  const report = () => {
    if (unreported.length) post({ type: 'steps', ...reply, steps: unreported });
    unreported = [];
    lastReport = performance.now();
  };
  let outcome: TrainOutcome;
  try {
    for (let next = await run.next(); ; next = await run.next()) {
      if (next.done) {
        outcome = next.value;
        break;
      }
      const step = next.value;
      lastStep = step.step;
      unreported.push(step);
      if (performance.now() - lastReport > REPORT_EVERY_MS) {
        report();
        if (deviceLosses === lossesBefore) await keeper.keepIfDue(model, vocabulary, message.preprocessing, step.step);
      }
      if (message.sampleEvery > 0 && step.step % message.sampleEvery === 0) {
        const sample = await generateText(model, vocabulary, prefix, { length: 100, temperature: 0.8, seed: step.step });
        post({ type: 'sample', ...reply, step: step.step, text: sample.warmUp + sample.continuation });
      }
      if (message.maxSteps && step.step >= message.maxSteps) gate.abort();
    }
    report();
    if (current?.model === model && deviceLosses === lossesBefore) await keeper.keep(model, vocabulary, message.preprocessing, lastStep);
  } catch (error) {
    report();
    if (!(await lostWithDevice(lossesBefore))) throw error;
    outcome = gpuLostOutcome(lastStep);
  } finally {
    control = null;
    // A failure outside the loop (a sample, a weight copy) leaves the run suspended: close it so it
    // releases its optimiser and its copy of the weights. Closing a finished run does nothing.
    await run.return(stoppedOutcome(lastStep)).catch(() => undefined);
    await gate.drain();
  }
  if (deviceLosses !== lossesBefore) outcome = gpuLostOutcome(lastStep);
  post({ type: 'stopped', ...reply, outcome });
}

function gpuLostOutcome(lastStep: number): TrainOutcome {
  const kept = keeper.step;
  const message: ReaderMessage =
    kept === null ? { key: 'charLm:gpuLostNoWeights', values: { step: lastStep } } : { key: 'charLm:gpuLostWeightsKept', values: { step: lastStep, kept } };
  return { reason: 'aborted', message, steps: lastStep };
}

async function generate(message: Extract<ToWorker, { type: 'generate' }>) {
  const signal = generations.get(message.id) ?? { aborted: false };
  try {
    const problem = settingsProblem(GENERATE_SCHEMA, message);
    if (problem) throw new ReaderError(problem);
    if (!current) throw new ReaderError({ key: 'charLm:noModelYet' });
    post({ type: 'generated', id: message.id, ...(await generateText(current.model, current.vocabulary, message.prefix, { ...message, signal })) });
  } finally {
    generations.delete(message.id);
  }
}

async function handle(message: ToWorker): Promise<void> {
  switch (message.type) {
    case 'init': {
      const backend = await initBackend(parseBackendName(message.backend));
      watchForDeviceLoss(backend);
      post({ type: 'ready', id: message.id, backend });
      return;
    }
    case 'train':
      return train(message);
    case 'reset':
      keeper.forget();
      return replaceModel(message.id, null);
    case 'generate':
      return generate(message);
    case 'export':
      if (!current) throw new ReaderError({ key: 'charLm:noModelToExport' });
      post({ type: 'exported', id: message.id, file: JSON.stringify(await toModelFile(current.model, current.vocabulary, current.preprocessing)) });
      return;
    case 'import': {
      const loaded = fromModelFile(message.file);
      replaceModel(message.id, loaded);
      await keeper.keep(loaded.model, loaded.vocabulary, loaded.preprocessing, null);
      post({ type: 'imported', id: message.id, vocabulary: loaded.vocabulary.tokens, preprocessing: loaded.preprocessing, model: summaryOf(loaded.model) });
      return;
    }
    case 'memory':
      post({ type: 'memory', id: message.id, numTensors: tf.memory().numTensors });
      return;
  }
}

/**
 * On WebGPU, notes the moment the device is lost (a failing step then knows why it failed), and once the
 * engine has moved on, rebuilds the model there from its last copied weights and tells the page.
 */
function watchForDeviceLoss(backend: BackendInfo) {
  onGpu = backend.name === 'webgpu';
  if (!onGpu) return;
  const device = (tf.backend() as unknown as { device?: GPUDevice }).device;
  void device?.lost.then(() => {
    let rebuilt: () => void = () => {};
    deviceLosses++;
    deviceLoss = new Promise<void>((resolve) => (rebuilt = resolve));
    control?.abort();
    const stop = onBackendChange((next) => {
      stop();
      let kept: { step: number | null; model: ModelSummary } | null = null;
      try {
        const model = keeper.rebuild();
        replaceModel(null, model);
        if (model) kept = { step: model.step, model: summaryOf(model.model) };
      } catch {
        replaceModel(null, null);
      }
      deviceLoss = null;
      post({ type: 'backend-changed', id: null, backend: next, kept });
      rebuilt();
      watchForDeviceLoss(next);
    });
  });
}

/** An error as the page can receive it: a reader's message as its key and values (an error's class does not survive postMessage). */

self.onmessage = ({ data }: MessageEvent<ToWorker>) => {
  // Pause, resume, abort, cancel and reset act at once, even while a training run holds the queue.
  switch (data.type) {
    case 'pause':
      return control?.pause();
    case 'resume':
      return control?.resume();
    case 'abort':
      return control?.abort();
    case 'cancel': {
      const signal = generations.get(data.target);
      if (signal) signal.aborted = true;
      return;
    }
    case 'reset':
      control?.abort();
      generations.forEach((signal) => (signal.aborted = true));
      break;
    case 'generate':
      generations.set(data.id, { aborted: false });
      // During a run, paused or not, generation samples the weights as they are now: it runs between two
      // training steps (the run waits for it) instead of queueing behind the whole run.
      if (control) {
        control.runBetweenSteps(() => generate(data)).catch((error: unknown) => post({ type: 'error', id: data.id, problem: problemOf(error) }));
        return;
      }
      break;
  }
  let lossesBefore = deviceLosses;
  queue = queue
    .then(() => {
      lossesBefore = deviceLosses;
      return handle(data);
    })
    .catch(async (error: unknown) => {
      const lost = data.type !== 'init' && (await lostWithDevice(lossesBefore));
      post({ type: 'error', id: data.id, problem: lost ? { key: 'charLm:gpuLostDuringRequest' } : problemOf(error) });
    });
};
