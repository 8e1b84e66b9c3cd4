/**
 * Reading JSON a reader hands the page (a model file, a state_dict), with the checks that must come before
 * `JSON.parse`: a size limit, so a huge file is refused before it is parsed, and a nesting limit, since a
 * deeply nested file would otherwise end in "Maximum call stack size exceeded" somewhere far from the cause.
 */
import { ReaderError } from '../readerMessage';

/** The largest file the page reads: far above any model it can train, far below what a tab can hold. */
export const MAX_FILE_BYTES = 64 * 1024 * 1024;

/** Model files nest a handful of levels (file → state_dict → tensor → rows); anything past this is not one. */
export const MAX_NESTING = 32;

const megabytes = (bytes: number) => bytes / (1024 * 1024);

/** Throws a message naming the size (in megabytes) when `bytes` is over `MAX_FILE_BYTES`. */
function checkFileSize(bytes: number): void {
  if (bytes > MAX_FILE_BYTES) {
    throw new ReaderError({ key: 'charLm:fileTooLarge', values: { size: megabytes(bytes), limit: megabytes(MAX_FILE_BYTES) } });
  }
}

/** UTF-8 size of `text`, counted without encoding it. */
function utf8Bytes(text: string): number {
  let bytes = 0;
  for (let k = 0; k < text.length; k++) {
    const code = text.charCodeAt(k);
    if (code < 0x80) bytes += 1;
    else if (code < 0x800) bytes += 2;
    // A surrogate pair is one four-byte character: two halves of two bytes each.
    else if (code >= 0xd800 && code < 0xe000) bytes += 2;
    else bytes += 3;
  }
  return bytes;
}

/** How deep brackets nest in JSON text, ignoring brackets inside strings; stops counting past `limit`. */
function nestingDepth(text: string, limit = MAX_NESTING): number {
  let depth = 0;
  let deepest = 0;
  let inString = false;
  for (let k = 0; k < text.length; k++) {
    const char = text[k];
    if (inString) {
      if (char === '\\') k++;
      else if (char === '"') inString = false;
    } else if (char === '"') inString = true;
    else if (char === '[' || char === '{') {
      deepest = Math.max(deepest, ++depth);
      if (deepest > limit) return deepest;
    } else if (char === ']' || char === '}') depth--;
  }
  return deepest;
}

/** Checks the size and the nesting of `text`, then parses it; every failure is a ReaderError a reader can act on. */
export function parseJsonText(text: string): unknown {
  // A character takes at most three bytes, so only text near the limit needs counting.
  if (text.length > MAX_FILE_BYTES / 3) checkFileSize(utf8Bytes(text));
  if (nestingDepth(text) > MAX_NESTING) {
    throw new ReaderError({ key: 'charLm:fileNestsTooDeep', values: { limit: MAX_NESTING } });
  }
  try {
    return JSON.parse(text) as unknown;
  } catch {
    throw new ReaderError({ key: 'charLm:fileNotJson' });
  }
}
