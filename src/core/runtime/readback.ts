/**
 * The one boundary where tensors become plain numbers. A whole tree of results is packed into a single
 * tensor and read with one `await data()`: on a GPU each read is a round trip, so one read beats hundreds.
 */
import { onArrayBackend } from './kernelArrays';
import * as tf from './tf';

/** A tensor read back: a number for a scalar, else nested arrays following its shape. */
export type Numbers = number | Numbers[];

/** `T` with every tensor replaced by its values as nested number arrays. */
export type ReadBack<T> = T extends tf.Tensor
  ? Numbers
  : T extends readonly unknown[]
    ? { [K in keyof T]: ReadBack<T[K]> }
    : T extends object
      ? { [K in keyof T]: ReadBack<T[K]> }
      : T;

function collect(node: unknown, into: tf.Tensor[]): void {
  if (node instanceof tf.Tensor) into.push(node);
  else if (Array.isArray(node)) node.forEach((child) => collect(child, into));
  else if (node && typeof node === 'object') Object.values(node).forEach((child) => collect(child, into));
}

/** Row-major values → nested arrays of `shape`. */
function nest(values: Float32Array, shape: readonly number[]): Numbers {
  if (shape.length === 0) return values[0];
  const [n, ...rest] = shape;
  const stride = rest.reduce((a, b) => a * b, 1);
  return Array.from({ length: n }, (_, k) => nest(values.subarray(k * stride, (k + 1) * stride), rest));
}

/**
 * Reads every tensor in a tree of plain objects and arrays and returns the same tree with number arrays in
 * their place. The tensors are not disposed; other leaves are copied as they are.
 */
export async function readTree<T>(tree: T): Promise<ReadBack<T>> {
  const tensors: tf.Tensor[] = [];
  collect(tree, tensors);
  const packed = tensors.length > 0 ? tf.tidy(() => tf.concat(tensors.map((t) => tf.reshape(tf.cast(t, 'float32'), [-1])))) : null;
  const values = packed ? ((await packed.data()) as Float32Array) : new Float32Array(0);
  packed?.dispose();
  let offset = 0;
  const rebuild = (node: unknown): unknown => {
    if (node instanceof tf.Tensor) {
      const slice = values.subarray(offset, offset + node.size);
      offset += node.size;
      return nest(slice, node.shape);
    }
    if (Array.isArray(node)) return node.map(rebuild);
    if (node && typeof node === 'object') return Object.fromEntries(Object.entries(node).map(([k, v]) => [k, rebuild(v)]));
    return node;
  };
  return rebuild(tree) as ReadBack<T>;
}

/**
 * Reads several scalars with one readback. On the CPU and WASM backends the values already sit in
 * JavaScript memory, so each is read as it is (packing would only add kernels); elsewhere they are packed
 * into one tensor, one round trip. The scalars are not disposed.
 */
export async function readScalars(scalars: readonly tf.Scalar[]): Promise<number[]> {
  if (onArrayBackend()) return Promise.all(scalars.map(async (s) => (await s.data())[0]));
  return (await readTree(scalars)) as number[];
}
