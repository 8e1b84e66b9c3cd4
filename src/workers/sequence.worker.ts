/**
 * The sequence playground's own thread: it trains the reader's model on a sequence task, traces the fixed
 * example as it learns, and runs sweeps, so that the page only draws. A thin adapter over `src/core/tasks`.
 * Every reply names the request it answers; a failed request answers with an error, never silence.
 */
import { ReaderError } from '../core/readerMessage';
import { initBackend, parseBackendName } from '../core/runtime/backend';
import * as tf from '../core/runtime/tf';
import { createSequenceModel, exampleSequence, exampleTrace, sweep, TASKS } from '../core/tasks';
import { trainSequenceTask } from '../core/tasks/training';
import { stoppedOutcome, type TrainOutcome } from '../core/train/trainer';
import { settingsProblem } from './charLmSettings';
import { GatedControl } from './gatedControl';
import { serveRequests } from './requestQueue';
import type { FromWorker, PlaygroundStep, ToWorker } from './sequenceProtocol';
import { PLAYGROUND_SCHEMA, sweepPlanOf, taskSettingsOf, trainingOf, type PlaygroundSettings } from './sequenceSettings';

const post = (message: FromWorker) => self.postMessage(message);
/** How often progress reaches the page between held-out scores: often enough to look live, no more. */
const REPORT_EVERY_MS = 100;

/** The run or sweep under way: what pause, step and stop act on. */
let current: { control: GatedControl; flush: (() => Promise<void>) | null } | null = null;
/** Set by a step request: the run pauses again after its next step. */
let stepping = false;

function check(settings: PlaygroundSettings) {
  const problem = settingsProblem(PLAYGROUND_SCHEMA, settings);
  if (problem) throw new ReaderError(problem);
}

async function train({ id, settings, stepOnly }: Extract<ToWorker, { type: 'train' }>) {
  check(settings);
  const task = TASKS[settings.task];
  const taskSettings = taskSettingsOf(settings);
  const options = trainingOf(settings);
  const model = createSequenceModel(task, taskSettings, options, options.seed);
  const control = new GatedControl();
  const example = exampleSequence(task, taskSettings);
  let unreported: PlaygroundStep[] = [];
  let lastReport = performance.now();
  /** Posts the steps not yet reported and, when asked, the example as the model answers it now. */
  const report = async (traced: boolean) => {
    const trace = traced ? await exampleTrace(model, task, taskSettings, example) : null;
    post({ type: 'steps', id, steps: unreported, example: trace, paused: control.paused });
    unreported = [];
    lastReport = performance.now();
  };
  current = { control, flush: () => report(true) };
  stepping = stepOnly;
  const run = trainSequenceTask(model, task, taskSettings, options, control);
  let outcome: TrainOutcome;
  try {
    // The untrained model's answers first: the figure shows where learning starts.
    await report(true);
    for (let next = await run.next(); ; next = await run.next()) {
      if (next.done) {
        outcome = next.value;
        break;
      }
      const { step, loss, progress, evaluation } = next.value;
      unreported.push({ step, loss, progress, ...(evaluation ? { accuracy: evaluation.accuracy } : {}) });
      if (stepping) {
        stepping = false;
        control.pause();
      }
      if (evaluation || control.paused) await report(true);
      else if (performance.now() - lastReport > REPORT_EVERY_MS) await report(false);
    }
    if (unreported.length > 0) await report(true);
  } finally {
    current = null;
    stepping = false;
    // A failure inside the loop leaves the run suspended: closing it releases its optimiser and weight copy.
    await run.return(stoppedOutcome(0)).catch(() => undefined);
    await control.drain();
    model.dispose();
  }
  post({ type: 'stopped', id, outcome });
}

async function runSweep({ id, settings }: Extract<ToWorker, { type: 'sweep' }>) {
  check(settings);
  const plan = sweepPlanOf(settings);
  const control = new GatedControl();
  const total = plan.spans.length * plan.cells.length * plan.seeds.length;
  current = { control, flush: null };
  const runs = sweep({ ...plan, task: TASKS[plan.task] }, control);
  let done = 0;
  try {
    post({ type: 'sweep-started', id, spans: plan.spans, cells: plan.cells, total });
    for (let next = await runs.next(); !next.done; next = await runs.next()) {
      done = next.value.done;
      post({ type: 'sweep-run', id, run: next.value.run, done, total });
    }
  } finally {
    current = null;
    await runs.return([]).catch(() => undefined);
  }
  post({ type: 'sweep-stopped', id, complete: done === total });
}

async function handle(message: ToWorker): Promise<void> {
  switch (message.type) {
    case 'init':
      post({ type: 'ready', id: message.id, backend: await initBackend(parseBackendName(message.backend)) });
      return;
    case 'train':
      return train(message);
    case 'sweep':
      return runSweep(message);
  }
}

/** Control messages act at once, even while a run holds the queue; they answer nothing. */
function immediate(message: ToWorker): boolean {
  switch (message.type) {
    case 'pause':
      if (current && !current.control.paused) {
        current.control.pause();
        // Once the loop has parked, the steps since the last report and the example as it stands.
        if (current.flush) void current.control.runBetweenSteps(current.flush).catch(() => undefined);
      }
      return true;
    case 'resume':
      current?.control.resume();
      return true;
    case 'step':
      if (current?.control.paused) {
        stepping = true;
        current.control.resume();
      }
      return true;
    case 'abort':
    case 'reset':
      // Every model lives only as long as its run, so stopping the run is all a reset needs.
      current?.control.abort();
      return true;
    case 'memory':
      post({ type: 'memory', id: message.id, numTensors: tf.memory().numTensors });
      return true;
    default:
      return false;
  }
}

self.onmessage = serveRequests<ToWorker>({ immediate, handle, fail: (id, message) => post({ type: 'error', id, message }) });
