/**
 * Checks on a file a reader uploads as training text: it must be small enough to hold, and text at all.
 * A binary file (an image, a PDF) decodes to NUL bytes and replacement characters, which would train
 * happily on garbage; a file in another encoding than UTF-8 shows the same replacement characters.
 */
import type { ReaderMessage } from '../readerMessage';
import { MAX_TEXT_LENGTH } from './vocabulary';

/** Largest upload read at all: a UTF-8 character takes at most four bytes, so anything bigger is over the text limit. */
export const MAX_TEXT_FILE_BYTES = 4 * MAX_TEXT_LENGTH;

/** Share of U+FFFD replacement characters above which a file does not read as UTF-8 text. */
const MAX_REPLACEMENT_SHARE = 0.01;

/** Why a file of `bytes` bytes is refused before reading it (sizes in megabytes), or null. */
export function textFileSizeProblem(name: string, bytes: number): ReaderMessage | null {
  if (bytes <= MAX_TEXT_FILE_BYTES) return null;
  return { key: 'charLm:textFileTooBig', values: { name, size: bytes / 1e6, limit: MAX_TEXT_FILE_BYTES / 1e6 } };
}

/**
 * The file's text, or why it does not read as text.
 * @param bytes the file's contents, decoded as UTF-8 (replacing what is not UTF-8)
 */
export function readTextFile(name: string, bytes: Uint8Array): { text: string } | { problem: ReaderMessage } {
  if (bytes.includes(0)) return { problem: { key: 'charLm:textFileBinary', values: { name } } };
  const text = new TextDecoder('utf-8').decode(bytes);
  let replaced = 0;
  for (let k = text.indexOf('\uFFFD'); k >= 0; k = text.indexOf('\uFFFD', k + 1)) replaced++;
  if (replaced > Math.max(1, text.length * MAX_REPLACEMENT_SHARE)) return { problem: { key: 'charLm:textFileNotUtf8', values: { name, undecoded: replaced } } };
  return { text };
}

/** Characters as the model reads them: code points, so an emoji counts once, as `encode` does. */
export function characterCount(text: string): number {
  let count = 0;
  for (const _char of text) count++;
  return count;
}
