/**
 * Checks on a file a reader uploads as training text: it must be small enough to hold, and text at all.
 * A binary file (an image, a PDF) decodes to NUL bytes and replacement characters, which would train
 * happily on garbage; a file in another encoding than UTF-8 shows the same replacement characters.
 */
import { MAX_TEXT_LENGTH } from './vocabulary';

/** Largest upload read at all: a UTF-8 character takes at most four bytes, so anything bigger is over the text limit. */
export const MAX_TEXT_FILE_BYTES = 4 * MAX_TEXT_LENGTH;

/** Share of U+FFFD replacement characters above which a file does not read as UTF-8 text. */
const MAX_REPLACEMENT_SHARE = 0.01;

/** Why a file of `bytes` bytes is refused before reading it, or null. */
export function textFileSizeProblem(name: string, bytes: number): string | null {
  if (bytes <= MAX_TEXT_FILE_BYTES) return null;
  const megabytes = (n: number) => `${(n / 1e6).toLocaleString('en', { maximumFractionDigits: 1 })} MB`;
  return `“${name}” is ${megabytes(bytes)}; files up to ${megabytes(MAX_TEXT_FILE_BYTES)} can be read. Your text was kept: use a shorter excerpt.`;
}

/**
 * The file's text, or why it does not read as text.
 * @param bytes the file's contents, decoded as UTF-8 (replacing what is not UTF-8)
 */
export function readTextFile(name: string, bytes: Uint8Array): { text: string } | { problem: string } {
  if (bytes.includes(0)) return { problem: `“${name}” is not a text file (it holds NUL bytes, as binary files and UTF-16 text do). Your text was kept.` };
  const text = new TextDecoder('utf-8').decode(bytes);
  let replaced = 0;
  for (let k = text.indexOf('\uFFFD'); k >= 0; k = text.indexOf('\uFFFD', k + 1)) replaced++;
  if (replaced > Math.max(1, text.length * MAX_REPLACEMENT_SHARE)) {
    return { problem: `“${name}” does not read as UTF-8 text (${replaced.toLocaleString('en')} characters could not be decoded). Save it as UTF-8 and try again; your text was kept.` };
  }
  return { text };
}

/** Characters as the model reads them: code points, so an emoji counts once, as `encode` does. */
export function characterCount(text: string): number {
  let count = 0;
  for (const _char of text) count++;
  return count;
}
