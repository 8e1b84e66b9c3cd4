/**
 * PyTorch `state_dict`s as JSON. A tensor is `{"shape": [..], "data": [..]}` with `data` the row-major
 * flattening, or the nested lists `torch.Tensor.tolist()` gives. Parsing checks everything before anything is
 * used, so a bad file can be reported and the model left as it was.
 */
import { ReaderError } from '../readerMessage';
import { parseJsonText } from './jsonText';

/** One tensor as JSON. */
export interface TensorJson {
  shape: number[];
  data: number[];
}

/** A whole state_dict: PyTorch parameter name → tensor. */
export type StateDictJson = Record<string, TensorJson>;

/** A parsed tensor: its shape and float32 values in row-major order. */
export interface ParsedTensor {
  shape: number[];
  values: Float32Array;
}

const describe = (shape: readonly number[]) => `[${shape.join(', ')}]`;

function isRecord(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

/** More dimensions than any tensor here has: nested lists deeper than this are not a tensor. */
const MAX_RANK = 8;

/** The shape of a rectangular nested array, flattening its numbers into `out`. */
function flattenNested(value: unknown, field: string, out: unknown[], depth = 0): number[] {
  if (!Array.isArray(value)) {
    out.push(value);
    return [];
  }
  if (depth >= MAX_RANK) throw new ReaderError({ key: 'charLm:tensorNestsTooDeep', values: { field, limit: MAX_RANK } });
  const shapes = value.map((item) => flattenNested(item, field, out, depth + 1));
  const first = shapes[0] ?? [];
  if (shapes.some((s) => describe(s) !== describe(first))) throw new ReaderError({ key: 'charLm:tensorNotRectangular', values: { field } });
  return [value.length, ...first];
}

/**
 * Reads one tensor from `{shape, data}` or nested lists, checking that the shape is valid, that `data` fills
 * it exactly and that every value is a finite float32. Errors are ReaderErrors that name `field`.
 */
export function parseTensorJson(value: unknown, field: string): ParsedTensor {
  let shape: number[];
  let data: unknown[];
  if (Array.isArray(value)) {
    data = [];
    shape = flattenNested(value, field, data);
  } else if (isRecord(value) && Array.isArray(value.shape) && Array.isArray(value.data)) {
    shape = value.shape as number[];
    data = value.data;
    if (!shape.every((d) => Number.isInteger(d) && d >= 0)) {
      throw new ReaderError({ key: 'charLm:tensorInvalidShape', values: { field, shape: JSON.stringify(value.shape) } });
    }
    const size = shape.reduce((a, b) => a * b, 1);
    if (data.length !== size) {
      throw new ReaderError({ key: 'charLm:tensorSizeMismatch', values: { field, values: data.length, shape: describe(shape), size } });
    }
  } else {
    throw new ReaderError({ key: 'charLm:tensorNotTensor', values: { field } });
  }
  const values = new Float32Array(data.length);
  data.forEach((v, k) => {
    if (typeof v !== 'number') throw new ReaderError({ key: 'charLm:tensorNonNumber', values: { field, value: JSON.stringify(v), index: k } });
    values[k] = v;
    // A finite float64 can still overflow float32 (e.g. 1e39), which would surface later as Infinity.
    if (!Number.isFinite(values[k])) throw new ReaderError({ key: 'charLm:tensorNonFinite', values: { field, value: String(v), index: k } });
  });
  return { shape, values };
}

/**
 * Parses a whole state_dict against the expected names and shapes. `json` may be the parsed object or its
 * JSON text. Throws a ReaderError naming the offending field on a missing, unexpected or misshapen parameter, or a
 * non-finite value; returns the values by name otherwise.
 */
export function parseStateDict(
  json: unknown,
  expected: readonly { name: string; shape: readonly number[] }[],
): Map<string, Float32Array> {
  const dict = typeof json === 'string' ? parseJsonText(json) : json;
  if (!isRecord(dict)) throw new ReaderError({ key: 'charLm:stateDictNotObject' });
  const names = new Set(expected.map((e) => e.name));
  for (const key of Object.keys(dict)) {
    if (!names.has(key)) {
      throw new ReaderError({ key: 'charLm:stateDictUnexpected', values: { name: key, expected: [...names].join(', ') } });
    }
  }
  const parsed = new Map<string, Float32Array>();
  for (const { name, shape } of expected) {
    if (!(name in dict)) throw new ReaderError({ key: 'charLm:stateDictMissing', values: { name } });
    const tensor = parseTensorJson(dict[name], name);
    if (describe(tensor.shape) !== describe(shape)) {
      throw new ReaderError({ key: 'charLm:stateDictShape', values: { name, shape: describe(tensor.shape), expected: describe(shape) } });
    }
    parsed.set(name, tensor.values);
  }
  return parsed;
}
