/**
 * Page weight from a production build: the gzip JavaScript a reader downloads before a chapter hydrates
 * (the entry chunk, the chapter's chunk and everything they import statically; the prose itself arrives
 * pre-rendered in the page's HTML, before any of it) and before its first
 * figure is interactive (plus the figure's chunk and, when it computes with tfjs, the backend chooser and
 * the WebGPU backend it loads first). Builds into a temporary folder so it never touches `dist/`.
 */
import { mkdtempSync, readdirSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { gzipSync } from 'node:zlib';
import { build, type Plugin } from 'vite';

interface Chunk {
  gzipBytes: number;
  imports: string[];
  facade: string | null;
  modules: string[];
  isEntry: boolean;
}

export interface PageWeight {
  chapter: string;
  /** the first figure on the page, or null when it has none */
  widget: string | null;
  /** gzip bytes of JavaScript that hydrate the chapter (its prose itself is in the pre-rendered HTML) */
  proseBytes: number;
  /** whether tfjs is among the prose's JavaScript (it must not be) */
  proseLoadsTfjs: boolean;
  /** gzip bytes of JavaScript before the first figure is interactive, on WebGPU */
  widgetBytes: number;
  /** the heaviest prose of any chapter, for comparison */
  heaviestProse: { chapter: string; bytes: number };
}

/** Builds the book and returns every emitted JavaScript chunk by file name. */
async function buildChunks(): Promise<Map<string, Chunk>> {
  const chunks = new Map<string, Chunk>();
  const collector: Plugin = {
    name: 'bench-chunk-graph',
    generateBundle(_, bundle) {
      for (const out of Object.values(bundle)) {
        if (out.type !== 'chunk') continue;
        chunks.set(out.fileName, {
          gzipBytes: gzipSync(out.code).length,
          imports: out.imports,
          facade: out.facadeModuleId,
          modules: out.moduleIds,
          isEntry: out.isEntry,
        });
      }
    },
  };
  const outDir = mkdtempSync(join(tmpdir(), 'unrolled-bench-'));
  // vite-node runs this file in development mode; without this the build would bundle React's dev copy.
  const nodeEnv = process.env.NODE_ENV;
  process.env.NODE_ENV = 'production';
  try {
    await build({ configFile: resolve('vite.config.ts'), mode: 'production', logLevel: 'error', build: { outDir, emptyOutDir: true }, plugins: [collector] });
  } finally {
    if (nodeEnv === undefined) delete process.env.NODE_ENV;
    else process.env.NODE_ENV = nodeEnv;
    rmSync(outDir, { recursive: true, force: true });
  }
  return chunks;
}

/** The chunks a set of chunks imports statically, themselves included. */
function closure(chunks: Map<string, Chunk>, roots: string[]): Set<string> {
  const seen = new Set<string>();
  const visit = (file: string) => {
    if (seen.has(file)) return;
    seen.add(file);
    for (const next of chunks.get(file)?.imports ?? []) visit(next);
  };
  roots.forEach(visit);
  return seen;
}

function chunkOf(chunks: Map<string, Chunk>, facadeSuffix: string): string {
  for (const [file, chunk] of chunks) if (chunk.facade?.replaceAll('\\', '/').endsWith(facadeSuffix)) return file;
  throw new Error(`no chunk is built from ${facadeSuffix}`);
}

const bytesOf = (chunks: Map<string, Chunk>, files: Set<string>) => [...files].reduce((sum, f) => sum + (chunks.get(f)?.gzipBytes ?? 0), 0);

/** Figure tags in the registry (`src/mdx/components.tsx`) and the module each loads. */
function widgetModules(): Map<string, string> {
  const source = readFileSync('src/mdx/components.tsx', 'utf8');
  const found = [...source.matchAll(/(\w+): lazyWidget\(\(\) => import\('\.\.\/([^']+)'\)\)/g)];
  return new Map(found.map(([, tag, path]) => [tag, `src/${path}.tsx`]));
}

/** Measures `chapter` (a file under chapters/) against a fresh production build. */
export async function pageWeight(chapter: string): Promise<PageWeight> {
  const chunks = await buildChunks();
  const entries = [...chunks].filter(([, c]) => c.isEntry && c.facade?.endsWith('index.html')).map(([f]) => f);
  const prose = (file: string) => closure(chunks, [...entries, chunkOf(chunks, `chapters/${file}`)]);
  const proseFiles = prose(chapter);
  const registry = widgetModules();
  const tags = [...readFileSync(`chapters/${chapter}`, 'utf8').matchAll(/<([A-Z]\w*)/g)].map((m) => m[1]);
  const widget = tags.find((tag) => registry.has(tag)) ?? null;
  const loadsTfjs = (files: Set<string>) => [...files].some((f) => chunks.get(f)?.modules.some((m) => m.includes('/@tensorflow/tfjs-core/')));
  let widgetFiles = proseFiles;
  if (widget) {
    widgetFiles = closure(chunks, [...proseFiles, chunkOf(chunks, registry.get(widget) as string)]);
    if (loadsTfjs(widgetFiles)) {
      const backend = [chunkOf(chunks, 'src/core/runtime/backend.ts'), chunkOf(chunks, 'tfjs-backend-webgpu/dist/index.js')];
      widgetFiles = closure(chunks, [...widgetFiles, ...backend]);
    }
  }
  const chapters = readdirSync('chapters').filter((f) => f.endsWith('.mdx'));
  const heaviest = chapters.map((c) => ({ chapter: c, bytes: bytesOf(chunks, prose(c)) })).sort((a, b) => b.bytes - a.bytes)[0];
  return {
    chapter,
    widget,
    proseBytes: bytesOf(chunks, proseFiles),
    proseLoadsTfjs: loadsTfjs(proseFiles),
    widgetBytes: bytesOf(chunks, widgetFiles),
    heaviestProse: heaviest,
  };
}
