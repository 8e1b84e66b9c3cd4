import mdx from '@mdx-js/rollup';
import react from '@vitejs/plugin-react';
import { defineConfig } from 'vite';
import { corpusPlugin } from './src/build/corpusPlugin.ts';
import { cspPlugin } from './src/build/cspPlugin.ts';
import { chapterIndexPlugin } from './src/build/chapterIndex.ts';
import { editionHeadingIdsPlugin } from './src/build/editionHeadingIds.ts';
import { mdxOptions } from './src/build/mdxPipeline.ts';
import { searchIndexPlugin } from './src/build/searchIndex.ts';

export default defineConfig({
  plugins: [
    chapterIndexPlugin(),
    searchIndexPlugin(),
    corpusPlugin(),
    cspPlugin(),
    editionHeadingIdsPlugin(),
    { enforce: 'pre', ...mdx(mdxOptions) },
    react({ include: /\.(mdx|js|jsx|ts|tsx)$/ }),
  ],
  build: { target: 'es2022', chunkSizeWarningLimit: 4096 },
  worker: { format: 'es' },
  preview: { host: '127.0.0.1', port: 4173, strictPort: true },
  server: { host: '127.0.0.1' },
});
