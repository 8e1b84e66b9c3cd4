import { ReaderError } from '../../../src/core/readerMessage';
import { readerText } from '../../../src/i18n/readerText';

/**
 * What `fn` tells the reader when it throws, in English through the catalogue, or '' when it throws nothing.
 * Anything other than a ReaderError fails the test: a reader's problem must never reach them as raw text.
 */
export function thrownInEnglish(fn: () => unknown): string {
  try {
    fn();
  } catch (error) {
    if (!(error instanceof ReaderError)) throw error;
    return readerText(error, 'en');
  }
  return '';
}
