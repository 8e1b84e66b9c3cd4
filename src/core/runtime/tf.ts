/**
 * The engine's single doorway to TensorFlow.js: tfjs-core with every gradient and chained op registered,
 * and the CPU backend that is always present. Other backends are loaded on demand by `backend.ts`.
 *
 * Order matters: tfjs-core's entry registers its environment flags, and registering a gradient reads
 * one (`DEBUG`), so the core comes first. A bundler that keeps source order (Vite's dev pre-bundling)
 * fails with "Cannot evaluate flag 'DEBUG'" otherwise.
 */
export * from '@tensorflow/tfjs-core';
import '@tensorflow/tfjs-core/dist/register_all_gradients';
import '@tensorflow/tfjs-core/dist/public/chained_ops/register_all_chained_ops';
import '@tensorflow/tfjs-backend-cpu';
