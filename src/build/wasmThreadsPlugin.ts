/**
 * Three changes to tfjs-wasm's threaded module (`wasm-out/tfjs-backend-wasm-threaded-simd.js`), so that the
 * engine's workers train on the threads `wasmThreadsFor` (src/core/runtime/wasmThreads.ts) gives them:
 *
 * 1. Its threads survive minification. Each thread is a worker that runs the module's factory from source:
 *    tfjs sends `factory.toString()` to it in a `blob:` script. Emscripten's factory reads one variable
 *    from around it, `_scriptDir`, behind `typeof _scriptDir !== "undefined"`, so that the copy, with no
 *    such variable around it, still runs. A minifier renames the variable and, seeing it declared, drops
 *    the `typeof` test: every thread then fails with "ReferenceError: e is not defined" and the backend
 *    never starts. So the variable moves inside the factory, always undefined there: tfjs passes the
 *    binary's and the thread script's addresses itself, so Emscripten never needs the directory.
 * 2. It counts every logical core. tfjs halves `navigator.hardwareConcurrency` (guessing two hardware
 *    threads per core) and caps any thread count there, so a 2-core machine never gets a second thread,
 *    though a second thread trains the character model faster on one (README, "Benchmarks").
 * 3. It starts only the threads the engine can use. Emscripten starts a pool of 8 worker threads with the
 *    module, whatever the count; XNNPACK with n threads takes n − 1 of them (the calling thread is one),
 *    and n is at most the logical cores (after change 2) and `MAX_WASM_THREADS` (the engine's limit).
 *    Threads must all be in the pool before XNNPACK asks for them (it waits for them synchronously), so
 *    the pool is that many, no fewer. On a 2-core machine the backend took 250 ms to start with a pool of
 *    8, 100 ms with the one thread it uses, 70 ms single-threaded.
 *
 * The development server pre-bundles dependencies with its own bundler: `vite.config.ts` hands it this
 * plugin too, so that `npm run dev` starts as many threads as the built book.
 */
import type { Plugin } from 'vite';
import { MAX_WASM_THREADS } from '../core/runtime/wasmThreads.ts';

const THREADED_MODULE = /tfjs-backend-wasm\/wasm-out\/tfjs-backend-wasm-threaded-simd\.js$/;
const OUTER_SCRIPT_DIR = /\n\s*var _scriptDir = typeof document[^\n]*\n\s*if \(typeof __filename !== 'undefined'\) _scriptDir = _scriptDir \|\| __filename;/;
const FACTORY_START = 'function(WasmBackendModuleThreadedSimd) {';
/** Emscripten's `emscripten_num_logical_cores()` in a browser; the C++ side divides it by 2. */
const LOGICAL_CORES = 'return navigator["hardwareConcurrency"]}';
const POOL_SIZE = 'var pthreadPoolSize=8;';

/** Rewrites the module's source; throws when tfjs's file no longer looks as expected (after an upgrade). */
export function threadFriendlyFactory(code: string): string {
  const once = (text: string) => code.split(text).length === 2;
  if (!OUTER_SCRIPT_DIR.test(code) || !once(FACTORY_START) || !once(LOGICAL_CORES) || !once(POOL_SIZE)) {
    throw new Error('tfjs-backend-wasm-threaded-simd.js changed: check src/build/wasmThreadsPlugin.ts against it');
  }
  return code
    .replace(OUTER_SCRIPT_DIR, '')
    .replace(FACTORY_START, `${FACTORY_START}\n  var _scriptDir;`)
    .replace(LOGICAL_CORES, 'return 2*navigator["hardwareConcurrency"]}')
    .replace(POOL_SIZE, `var pthreadPoolSize=Math.min(navigator["hardwareConcurrency"],${MAX_WASM_THREADS})-1;`);
}

/** The plugin (Vite's, and the dependency optimizer's): applies `threadFriendlyFactory` to tfjs-wasm's threaded module. */
export function wasmThreadsPlugin(): Plugin {
  return {
    name: 'unrolled-wasm-threads',
    transform(code, id) {
      return THREADED_MODULE.test(id) ? { code: threadFriendlyFactory(code), map: null } : null;
    },
  };
}
