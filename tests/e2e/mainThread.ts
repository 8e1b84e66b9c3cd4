/**
 * How much a page's main thread is held, measured two ways: the browser's long-task entries (wall time,
 * which on a loaded machine also counts waiting for a core) and, from a Chromium trace, the CPU time of
 * each main-thread task (what the page itself cost, which is what "never block the page" is about).
 * Plain playwright, no test runner: the browser tests and the frame-budget script share it.
 */
import type { CDPSession, Page } from 'playwright-core';

type LongTaskWindow = { longTasks: number[] };

/** Starts recording long tasks from the page's first moment (call before it loads). */
export function watchLongTasks(page: Page): Promise<unknown> {
  return page.addInitScript(() => {
    const tasks: number[] = ((window as unknown as LongTaskWindow).longTasks = []);
    new PerformanceObserver((list) => list.getEntries().forEach((entry) => tasks.push(entry.duration))).observe({ type: 'longtask', buffered: true });
  });
}

/** The long tasks (over 50 ms of wall time) recorded so far, in ms. */
export const longTasksOf = (page: Page): Promise<number[]> => page.evaluate(() => (window as unknown as LongTaskWindow).longTasks);

/** Forgets the long tasks recorded so far (e.g. the page's start), to measure what follows. */
export const clearLongTasks = (page: Page): Promise<number> => page.evaluate(() => ((window as unknown as LongTaskWindow).longTasks.length = 0));

interface TraceEvent {
  name: string;
  ph: string;
  pid: number;
  tid: number;
  tdur?: number;
  args?: { name?: string };
}

/** Records the page's main thread while `work` runs and returns the CPU time of its longest task, in ms. */
export async function mainThreadCpu(page: Page, work: () => Promise<void>): Promise<number> {
  const cdp: CDPSession = await page.context().newCDPSession(page);
  const events: TraceEvent[] = [];
  cdp.on('Tracing.dataCollected', ({ value }) => events.push(...(value as unknown as TraceEvent[])));
  const complete = new Promise((resolve) => cdp.once('Tracing.tracingComplete', resolve));
  await cdp.send('Tracing.start', { categories: 'devtools.timeline,disabled-by-default-devtools.timeline', transferMode: 'ReportEvents' });
  try {
    await work();
  } finally {
    await cdp.send('Tracing.end');
    await complete;
  }
  const main = events.find((e) => e.name === 'thread_name' && e.args?.name === 'CrRendererMain');
  const tasks = events.filter((e) => e.pid === main?.pid && e.tid === main?.tid && e.ph === 'X' && e.name === 'RunTask');
  return Math.max(0, ...tasks.map((e) => (e.tdur ?? 0) / 1000));
}

/**
 * The character model's training as a reader starts it (the page open at the figure, its corpus read):
 * Train LSTM, then wait until the run has taken `steps` steps. Returns the perplexity after 5 steps and
 * after `steps`.
 */
export async function trainCharLm(page: Page, steps: number): Promise<{ early: number; late: number }> {
  const reached = async (n: number) => {
    await page.waitForFunction((count) => Number(document.querySelector('[data-testid="charlm-progress"]')?.getAttribute('data-steps')) >= count, n, { timeout: 240_000, polling: 250 });
    return Number(await page.getByTestId('charlm-progress').getAttribute('data-perplexity'));
  };
  await page.getByRole('button', { name: 'Train LSTM' }).click();
  const early = await reached(5);
  return { early, late: await reached(steps) };
}
