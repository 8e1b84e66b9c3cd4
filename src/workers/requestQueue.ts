/**
 * The request discipline of the book's workers: control messages (pause, stop, …) act at once, everything
 * else runs one request at a time in arrival order, and a request that fails is answered with an error
 * carrying its own id, never with silence.
 */
import { problemOf, type ReaderMessage } from '../core/readerMessage';

/** What a worker's request has: an id to answer to. */
export interface WithId {
  id: number;
}

export interface RequestHandlers<M extends WithId> {
  /** Acts on `message` at once; true when that is all it needs, false to queue it as well. */
  immediate: (message: M) => boolean;
  /** Runs a queued request; its failure is reported to the request. */
  handle: (message: M) => Promise<void>;
  /** Answers request `id` with an error: a reader message, or the text of an error the reader cannot act on. */
  fail: (id: number, problem: string | ReaderMessage) => void;
}

/** The `onmessage` handler for a worker with these handlers. */
export function serveRequests<M extends WithId>({ immediate, handle, fail }: RequestHandlers<M>): (event: MessageEvent<M>) => void {
  let queue: Promise<void> = Promise.resolve();
  return ({ data }) => {
    if (immediate(data)) return;
    queue = queue.then(() => handle(data)).catch((error: unknown) => fail(data.id, problemOf(error)));
  };
}
