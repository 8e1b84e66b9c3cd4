/**
 * Relaxed SIMD for WebAssembly in Node, which the engine's matrix products on the WASM backend use
 * (src/core/runtime/simd/gemm.c). Chromium has shipped it since version 114 and Node since 22; Node 20's
 * V8 keeps it behind a flag, set here before any module compiles, so the tests and the bench run what a
 * reader's browser runs. Where it is already on, the flag changes nothing.
 */
import { setFlagsFromString } from 'node:v8';

setFlagsFromString('--experimental-wasm-relaxed-simd');
