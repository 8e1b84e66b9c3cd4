/**
 * What the engine has to tell a reader (an empty text, a file that is not a model, a word with a letter the
 * vocabulary lacks), as a catalogue key and the values that go into it. The engine names the problem; the
 * interface says it in the page's language (`src/i18n/readerText.ts`). The engine never holds the reader's
 * words itself, so it stays free of any language.
 */
export interface ReaderMessage {
  /** `namespace:key` in the catalogues, e.g. `charLm:textEmpty` (see `src/i18n/en/charLm.json`) */
  key: string;
  /** what the message's `{{placeholders}}` are filled with: a message inside a message is said first, a list joined */
  values?: Record<string, string | number | ReaderMessage | ReaderMessage[]>;
}

/** An error meant for the reader: it carries its message as a key and values, cloneable to and from a worker. */
export class ReaderError extends Error {
  constructor(readonly reader: ReaderMessage) {
    super(reader.values ? `${reader.key} ${JSON.stringify(reader.values)}` : reader.key);
    this.name = 'ReaderError';
  }
}

/** Whether `value` is a reader message (as sent by a worker, where an error's class is lost). */
export function isReaderMessage(value: unknown): value is ReaderMessage {
  return typeof value === 'object' && value !== null && typeof (value as ReaderMessage).key === 'string' && /^\w+:\w+$/.test((value as ReaderMessage).key);
}

/**
 * What a failure tells the reader, in a form that survives postMessage: a reader error as its message (its
 * class would be lost), any other error as its text.
 */
export const problemOf = (error: unknown): string | ReaderMessage =>
  error instanceof ReaderError ? error.reader : error instanceof Error ? error.message : String(error);
