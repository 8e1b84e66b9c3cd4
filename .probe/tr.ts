import * as tf from '../src/core/runtime/tf';
import { startBackend } from '../bench/nodeBackends';
await startBackend('wasm');
const dG = tf.randomNormal([1120, 1024]) as tf.Tensor2D, hPrev = tf.randomNormal([1120, 256]) as tf.Tensor2D;
const dGT = tf.transpose(dG), hT = tf.transpose(hPrev);
const time = (name: string, f: () => tf.Tensor[]) => { for (let w = 0; w < 3; w++) tf.dispose(f()); const xs: number[] = []; for (let r = 0; r < 15; r++) { const t = performance.now(); tf.dispose(f()); xs.push(performance.now() - t); } xs.sort((a, b) => a - b); console.log(name, 'median', xs[7].toFixed(2), 'min', xs[0].toFixed(2)); };
for (let k = 0; k < 3; k++) {
time('dGT·h        ', () => [tf.matMul(dGT, hPrev)]);
time('hT·dG        ', () => [tf.matMul(hT, dG)]);
}
