/**
 * Build-time index of the book: reads `chapters/NN-slug.mdx`, their front matter (`title`, `summary`), and
 * the Chinese edition's title and summary from `chapters/zh/NN-slug.mdx` where it exists, and serves the
 * list as the virtual module `virtual:chapter-index`. Chapter metadata travels this way
 * (rather than as an MDX export) so that editing a chapter keeps Fast Refresh working.
 */
import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import type { Plugin } from 'vite';
import { parse } from 'yaml';

export interface ChapterMeta {
  /** File name without extension, e.g. `01-sequences`; the chapter's URL is `/chapters/<slug>`. */
  slug: string;
  /** The NN prefix, which fixes the order. */
  number: number;
  title: string;
  summary: string;
  /**
   * The capitalised tags the chapter uses (figures, exercises, boxes), each once, in the order they first
   * appear: the book order of the figures comes from here.
   */
  components: string[];
  /** The Chinese edition's title and summary, when `chapters/zh/<slug>.mdx` exists. */
  zh?: ChapterTranslation;
}

/** What the contents show of a chapter in another language. */
export interface ChapterTranslation {
  title: string;
  summary: string;
}

/** The folder, inside the chapters folder, that holds the Chinese edition under the same file names. */
export const CHINESE_CHAPTERS_DIR = 'zh';

const CHAPTER_FILE = /^(\d\d)-[a-z0-9-]+\.mdx$/;

/**
 * The capitalised JSX tags of an MDX source in order of first appearance. Code (fenced or inline) is
 * skipped first: `List<Tensor>` in a code sample is not a tag.
 */
export function componentTags(source: string): string[] {
  const prose = source.replace(/^[ \t]*(```|~~~)[^\n]*\n[\s\S]*?^[ \t]*\1[^\n]*$/gm, '').replace(/`[^`\n]*`/g, '');
  return [...new Set(Array.from(prose.matchAll(/<([A-Z][A-Za-z0-9]*)[\s/>]/g), (match) => match[1]))];
}

/** Reads the front matter of one chapter source; throws naming the file when a field is missing. */
export function readChapterMeta(file: string, source: string): ChapterMeta {
  const match = CHAPTER_FILE.exec(file);
  if (!match) throw new Error(`${file}: chapter files are named NN-slug.mdx`);
  const front = /^---\n([\s\S]*?)\n---/.exec(source);
  const data = (front ? parse(front[1]) : {}) as Record<string, unknown>;
  for (const field of ['title', 'summary']) {
    if (typeof data[field] !== 'string' || !(data[field] as string).trim()) {
      throw new Error(`${file}: front matter needs a non-empty "${field}"`);
    }
  }
  return {
    slug: file.replace(/\.mdx$/, ''),
    number: Number(match[1]),
    title: data.title as string,
    summary: data.summary as string,
    components: componentTags(source),
  };
}

/** Every chapter in `dir`, in reading order, each with its Chinese title and summary where translated. */
export function readChapterIndex(dir: string): ChapterMeta[] {
  return readdirSync(dir)
    .filter((file) => file.endsWith('.mdx'))
    .sort()
    .map((file) => {
      const chapter = readChapterMeta(file, readFileSync(join(dir, file), 'utf8'));
      const chinese = join(dir, CHINESE_CHAPTERS_DIR, file);
      if (!existsSync(chinese)) return chapter;
      const { title, summary } = readChapterMeta(file, readFileSync(chinese, 'utf8'));
      return { ...chapter, zh: { title, summary } };
    });
}

const VIRTUAL_ID = 'virtual:chapter-index';

/** Vite plugin serving `virtual:chapter-index`, rebuilt whenever a chapter changes. */
export function chapterIndexPlugin(dir = resolve('chapters')): Plugin {
  return {
    name: 'unrolled-chapter-index',
    resolveId: (id) => (id === VIRTUAL_ID ? `\0${VIRTUAL_ID}` : undefined),
    load(id) {
      if (id !== `\0${VIRTUAL_ID}`) return undefined;
      const chapters = readChapterIndex(dir);
      for (const chapter of chapters) {
        this.addWatchFile(join(dir, `${chapter.slug}.mdx`));
        if (chapter.zh) this.addWatchFile(join(dir, CHINESE_CHAPTERS_DIR, `${chapter.slug}.mdx`));
      }
      return `export default ${JSON.stringify(chapters)};`;
    },
    configureServer(server) {
      // A chapter added, removed or retitled, or a figure added to one, changes the index: rebuild it and
      // reload the page. Other edits to a chapter's body leave the index alone, so Fast Refresh handles them.
      let known = JSON.stringify(readChapterIndex(dir));
      const refresh = (file: string) => {
        if (!file.startsWith(dir) || !file.endsWith('.mdx')) return;
        let now: string;
        try {
          now = JSON.stringify(readChapterIndex(dir));
        } catch {
          return; // half-typed front matter: wait for the next save
        }
        if (now === known) return;
        known = now;
        const module = server.moduleGraph.getModuleById(`\0${VIRTUAL_ID}`);
        if (module) server.moduleGraph.invalidateModule(module);
        server.ws.send({ type: 'full-reload' });
      };
      server.watcher.add(dir);
      server.watcher.on('add', refresh);
      server.watcher.on('unlink', refresh);
      server.watcher.on('change', refresh);
    },
  };
}
