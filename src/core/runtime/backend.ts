/**
 * The only place that picks the tfjs backend. WebGPU when the platform has it, else WebAssembly, else
 * WebGL, else the always-present CPU backend; records why it fell back so the page can say so.
 * Initialised once. The order below WebGPU is the benchmark's (README, "Benchmarks"): for these small
 * recurrent nets WASM trains several times faster than tfjs's CPU backend, and WebGL pays a shader
 * dispatch per op and a texture readback per `await data()`, which small nets are all about.
 *
 * WebAssembly runs on several threads where that is possible and pays: see `wasmThreads.ts`.
 */
import wasmPlain from '@tensorflow/tfjs-backend-wasm/dist/tfjs-backend-wasm.wasm?url';
import wasmSimd from '@tensorflow/tfjs-backend-wasm/dist/tfjs-backend-wasm-simd.wasm?url';
import wasmThreadedSimd from '@tensorflow/tfjs-backend-wasm/dist/tfjs-backend-wasm-threaded-simd.wasm?url';
import type { BackendWasm } from '@tensorflow/tfjs-backend-wasm';
import { ReaderError, type ReaderMessage } from '../readerMessage';
import { prepareSimdKernels } from './simdKernels';
import * as tf from './tf';
import { MAX_WASM_THREADS, wasmThreadsHere } from './wasmThreads';

export type BackendName = 'webgpu' | 'webgl' | 'wasm' | 'cpu';

export interface BackendInfo {
  /** The backend tfjs is running on now. */
  name: BackendName;
  /** The backend that was asked for, when the reader forced one (`?backend=`). */
  requested?: BackendName;
  /** Why a faster backend was passed over, for the reader; absent when the first choice worked. */
  fallbackReason?: ReaderMessage;
  /** Set when the GPU device was lost while the book ran and the engine moved to this backend. */
  deviceLost?: ReaderMessage;
  /** On WebAssembly: how many threads XNNPACK computes on (1 unless `wasmThreadsFor` allows more). */
  threads?: number;
}

/** Tried in this order unless the reader forces one. */
const PREFERENCE: readonly BackendName[] = ['webgpu', 'wasm', 'webgl', 'cpu'];

/** Validates a `?backend=` value; anything else means "choose for me". */
export function parseBackendName(value: string | null | undefined): BackendName | undefined {
  return value === 'webgpu' || value === 'webgl' || value === 'wasm' || value === 'cpu' ? value : undefined;
}

/** What the caller may choose before the engine starts. */
export interface EngineOptions {
  /** Threads for the WebAssembly backend instead of `wasmThreadsFor`'s choice (the benchmark compares counts). */
  wasmThreads?: number;
}

/** The options of the first `initBackend` call; a backend started after a lost GPU device keeps them. */
let options: EngineOptions = {};

/** Loads and activates one backend; resolves to the reason when it cannot run here. */
async function tryBackend(name: BackendName): Promise<ReaderMessage | null> {
  try {
    if (name === 'webgpu') {
      const gpu = (globalThis.navigator as Navigator | undefined)?.gpu;
      if (!gpu) return { key: 'engine:webgpuMissing' };
      if (!(await gpu.requestAdapter())) return { key: 'engine:webgpuNoAdapter' };
      await import('@tensorflow/tfjs-backend-webgpu');
      // tfjs would otherwise run tensors under 1000 elements on the CPU, even on WebGPU.
      tf.env().set('WEBGPU_CPU_FORWARD', false);
    } else if (name === 'webgl') {
      await import('@tensorflow/tfjs-backend-webgl');
    } else if (name === 'wasm') {
      const wasm = await import('@tensorflow/tfjs-backend-wasm');
      // The binaries as Vite emits them; tfjs picks SIMD, and threads where SharedArrayBuffer exists.
      wasm.setWasmPaths({
        'tfjs-backend-wasm.wasm': wasmPlain,
        'tfjs-backend-wasm-simd.wasm': wasmSimd,
        'tfjs-backend-wasm-threaded-simd.wasm': wasmThreadedSimd,
      });
      // Never over the limit: the build starts a thread pool of that size at most (src/build/wasmThreadsPlugin.ts).
      const threads = Math.min(options.wasmThreads ?? wasmThreadsHere(), MAX_WASM_THREADS);
      if (threads > 1) wasm.setThreadsCount(threads);
      // One thread: the plain SIMD build, with no thread pool to start, even where threads are possible.
      else tf.env().set('WASM_HAS_MULTITHREAD_SUPPORT', false);
    }
    if (!(await tf.setBackend(name))) return { key: 'engine:notInitialised', values: { backend: name } };
    await tf.ready();
    if (name === 'webgpu') watchDevice();
    // The SIMD kernels' module, compiled before the first step rather than during it.
    if (name === 'wasm') await prepareSimdKernels(tf.backend() as BackendWasm);
    return null;
  } catch (error) {
    return { key: 'engine:backendFailed', values: { backend: name, error: error instanceof Error ? error.message : String(error) } };
  }
}

async function choose(requested?: BackendName, without?: BackendName): Promise<BackendInfo> {
  const order = (requested ? [requested, ...PREFERENCE.filter((b) => b !== requested)] : PREFERENCE).filter((b) => b !== without);
  const reasons: ReaderMessage[] = [];
  for (const name of order) {
    const reason = await tryBackend(name);
    if (reason === null) {
      const forced: ReaderMessage | undefined = requested === name ? { key: 'engine:forced', values: { backend: name } } : undefined;
      return {
        name,
        ...(name === 'wasm' ? { threads: (await import('@tensorflow/tfjs-backend-wasm')).getThreadsCount() } : {}),
        ...(requested ? { requested } : {}),
        ...(reasons.length ? { fallbackReason: { key: 'engine:reasons', values: { reasons } } } : forced ? { fallbackReason: forced } : {}),
      };
    }
    reasons.push(reason);
  }
  throw new ReaderError({ key: 'engine:noBackend', values: { reasons } });
}

let chosen: Promise<BackendInfo> | null = null;
const listeners = new Set<(info: BackendInfo) => void>();

/**
 * Calls `listener` whenever the engine moves to another backend after it started (today: when the GPU
 * device is lost). Every tensor made before is gone then: rebuild from plain numbers. Returns an
 * unsubscribe function.
 */
export function onBackendChange(listener: (info: BackendInfo) => void): () => void {
  listeners.add(listener);
  return () => listeners.delete(listener);
}

/** tfjs has no handler for a lost WebGPU device (driver reset, a background tab, `device.destroy()`). */
function watchDevice() {
  const device = (tf.backend() as unknown as { device?: GPUDevice }).device;
  void device?.lost.then((info) => recoverFromLostDevice(info.message || info.reason || 'no reason given'));
}

/** Moves the engine to the next backend that starts, and tells every listener. */
async function recoverFromLostDevice(why: string) {
  const deviceLost: ReaderMessage = { key: 'engine:deviceLost', values: { why } };
  try {
    tf.removeBackend('webgpu');
  } catch {
    // Disposing a backend whose device is gone may throw; it is dropped from the registry all the same.
  }
  const next = choose(undefined, 'webgpu').then((info) => ({
    ...info,
    deviceLost,
    fallbackReason: { key: 'engine:movedAfterLoss', values: { deviceLost, backend: info.name } },
  }));
  chosen = next;
  const info = await next;
  listeners.forEach((listener) => listener(info));
}

/**
 * Starts the engine once and reports which backend it runs on. Later calls return the same answer.
 * @param requested a backend the reader forced with `?backend=`; others follow if it cannot run.
 * @param engineOptions read by the first call only, like `requested`.
 */
export function initBackend(requested?: BackendName, engineOptions: EngineOptions = {}): Promise<BackendInfo> {
  if (!chosen) options = engineOptions;
  chosen ??= choose(requested);
  return chosen;
}

/** How many tensors the engine holds right now: a leak shows as a count that only grows. */
export function liveTensorCount(): number {
  return tf.memory().numTensors;
}
