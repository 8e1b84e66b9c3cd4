/**
 * The page of `npm run bench:threads`: each call trains in a fresh module worker, as the book's character
 * model does, so every thread count starts its own WebAssembly backend (the count is fixed at start).
 */
import type { ThreadsRequest, ThreadsResult } from './threads.worker';

declare global {
  interface Window {
    /** Runs one measurement in a new worker and ends the worker. */
    benchThreads: (request: ThreadsRequest) => Promise<ThreadsResult>;
  }
}

window.benchThreads = (request) =>
  new Promise((resolve, reject) => {
    const worker = new Worker(new URL('./threads.worker.ts', import.meta.url), { type: 'module' });
    worker.onmessage = ({ data }: MessageEvent<ThreadsResult | { error: string }>) => {
      worker.terminate();
      if ('error' in data) reject(new Error(data.error));
      else resolve(data);
    };
    worker.onerror = (event) => {
      worker.terminate();
      reject(new Error(event.message || 'the worker failed to start'));
    };
    worker.postMessage(request);
  });
