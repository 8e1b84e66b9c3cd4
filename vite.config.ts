import mdx from '@mdx-js/rollup';
import react from '@vitejs/plugin-react';
import { defineConfig } from 'vite';
import { corpusPlugin } from './src/build/corpusPlugin.ts';
import { cspPlugin } from './src/build/cspPlugin.ts';
import { chapterIndexPlugin } from './src/build/chapterIndex.ts';
import { editionHeadingIdsPlugin } from './src/build/editionHeadingIds.ts';
import { CROSS_ORIGIN_ISOLATION_HEADERS } from './src/build/isolationHeaders.ts';
import { mdxOptions } from './src/build/mdxPipeline.ts';
import { searchIndexPlugin } from './src/build/searchIndex.ts';
import { staticHostPreview } from './src/build/staticHostPreview.ts';
import { wasmThreadsPlugin } from './src/build/wasmThreadsPlugin.ts';

export default defineConfig(({ isPreview }) => ({
  // The built book is one HTML file per page: previewing it must 404 on a page that was not written,
  // as a static host would, rather than fall back to the home page. The dev server stays a single-page app.
  appType: isPreview ? 'mpa' : 'spa',
  plugins: [
    chapterIndexPlugin(),
    searchIndexPlugin(),
    corpusPlugin(),
    cspPlugin(),
    staticHostPreview(),
    wasmThreadsPlugin(),
    editionHeadingIdsPlugin(),
    { enforce: 'pre', ...mdx(mdxOptions) },
    react({ include: /\.(mdx|js|jsx|ts|tsx)$/ }),
  ],
  // The manifest tells the pre-render which chunk holds each chapter (`src/build/modulePreloads.ts`).
  build: { target: 'es2022', chunkSizeWarningLimit: 4096, manifest: true },
  // The engine runs in workers too: their bundles take only the plugins named here.
  worker: { format: 'es', plugins: () => [wasmThreadsPlugin()] },
  // `npm run dev` serves tfjs pre-bundled: the same change to its threaded build there.
  optimizeDeps: { rolldownOptions: { plugins: [wasmThreadsPlugin()] } },
  // Cross-origin isolated, as a reader's host should serve it: tfjs-wasm's threaded build needs it.
  preview: { host: '127.0.0.1', port: 4173, strictPort: true, headers: CROSS_ORIGIN_ISOLATION_HEADERS },
  server: { host: '127.0.0.1', headers: CROSS_ORIGIN_ISOLATION_HEADERS },
}));
