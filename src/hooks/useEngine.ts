/**
 * The engine's lifecycle as the page sees it: idle until the first widget asks for it, then loading,
 * then ready on a backend (or failed, with a reason). tfjs is fetched only on that first request.
 */
import { problemOf, type ReaderMessage } from '../core/readerMessage';
import { useEffect, useSyncExternalStore } from 'react';
import type { BackendInfo } from '../core/runtime/backend';

export type EngineState =
  | { status: 'idle' }
  | { status: 'loading' }
  | { status: 'ready'; backend: BackendInfo }
  | { status: 'error'; message: string | ReaderMessage };

/** Backend names as the page prints them. */
export const BACKEND_LABELS = { webgpu: 'WebGPU', webgl: 'WebGL', wasm: 'WebAssembly', cpu: 'CPU' } as const;

/**
 * A backend as the page names it: "WebAssembly", or "WebAssembly (2 threads)" where it computes on several
 * (a worker of a cross-origin-isolated page). `say` words the thread count in the page's language.
 */
export function backendLabel(backend: Pick<BackendInfo, 'name' | 'threads'>, say: (message: ReaderMessage) => string): string {
  const name = BACKEND_LABELS[backend.name];
  return backend.threads && backend.threads > 1 ? say({ key: 'engine:withThreads', values: { backend: name, threads: backend.threads } }) : name;
}

declare global {
  interface Window {
    /** What the page exposes to its console once the engine has loaded. */
    unrolled?: { tensors: () => number };
  }
}

let state: EngineState = { status: 'idle' };
const listeners = new Set<() => void>();

function setState(next: EngineState) {
  state = next;
  listeners.forEach((listener) => listener());
}

function subscribe(listener: () => void) {
  listeners.add(listener);
  return () => listeners.delete(listener);
}

const showBackend = (backend: BackendInfo) => setState({ status: 'ready', backend });

/**
 * Loads tfjs and picks a backend, honouring `?backend=`; safe to call many times. After a failure (most
 * often the engine's code not arriving, offline) a later call tries again.
 */
export function requestEngine(): void {
  if (state.status === 'loading' || state.status === 'ready') return;
  setState({ status: 'loading' });
  import('../core/runtime/backend')
    .then(async ({ initBackend, onBackendChange, parseBackendName, liveTensorCount }) => {
      // After a lost GPU device the engine runs on a fallback: figures recompute there, the badge says so.
      // One function, so a retried load does not add a second listener.
      onBackendChange(showBackend);
      const backend = await initBackend(parseBackendName(new URLSearchParams(location.search).get('backend')));
      // For tests, and for a reader curious whether a figure leaks: `unrolled.tensors()` in the console.
      window.unrolled = { ...window.unrolled, tensors: liveTensorCount };
      return backend;
    })
    .then((backend) => setState({ status: 'ready', backend }))
    .catch((error: unknown) => setState({ status: 'error', message: problemOf(error) }));
}

/**
 * For figures whose engine runs in a worker: tells the page which backend that is, so the badge is true
 * while the page's own engine stays idle (and unloaded).
 */
export function announceWorkerBackend(backend: BackendInfo): void {
  if (state.status === 'idle') setState({ status: 'ready', backend });
}

/** Current engine state, without starting it (the backend badge uses this). */
export function useEngineState(): EngineState {
  return useSyncExternalStore(subscribe, () => state, () => state);
}

/** For widgets: starts the engine on mount and returns its state. */
export function useEngine(): EngineState {
  useEffect(requestEngine, []);
  return useEngineState();
}
