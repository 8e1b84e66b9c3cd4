/**
 * The engine's single doorway to TensorFlow.js: tfjs-core with every gradient and chained op registered,
 * and the CPU backend that is always present. Other backends are loaded on demand by `backend.ts`.
 */
import '@tensorflow/tfjs-core/dist/register_all_gradients';
import '@tensorflow/tfjs-core/dist/public/chained_ops/register_all_chained_ops';
import '@tensorflow/tfjs-backend-cpu';

export * from '@tensorflow/tfjs-core';
