/**
 * Which JavaScript a pre-rendered page asks for early, read from Vite's client manifest: a chapter's own
 * chunk and what that chunk imports, and on a Chinese page the Chinese catalogue, which the entry awaits
 * before hydrating. The page's text is already there; preloading lets React take it over (and the figures
 * start) without waiting for the entry to discover the chunks.
 */
import { languageOfPath, pathWithoutLanguage } from '../routing/language';
import { slugOfPath } from '../routing/router';

/** One entry of Vite's `.vite/manifest.json`, keyed by source path, e.g. `chapters/04-bptt.mdx`. */
export interface ManifestChunk {
  file: string;
  imports?: string[];
  isEntry?: boolean;
}
export type ClientManifest = Record<string, ManifestChunk>;

/** Keys of `roots` and every chunk they import statically. */
function staticClosure(manifest: ClientManifest, roots: string[]): Set<string> {
  const seen = new Set<string>();
  const visit = (key: string) => {
    if (seen.has(key) || !manifest[key]) return;
    seen.add(key);
    manifest[key].imports?.forEach(visit);
  };
  roots.forEach(visit);
  return seen;
}

/** The manifest's key of the Chinese catalogue's chunk. */
export const CHINESE_CATALOGUE = 'src/i18n/zh/index.ts';

/** Absolute URLs to preload for the page at `path`: none for an English page that is not a chapter. */
export function pageModulePreloads(manifest: ClientManifest, path: string): string[] {
  const chinese = languageOfPath(path) === 'zh';
  const slug = slugOfPath(pathWithoutLanguage(path));
  const translated = `chapters/zh/${slug}.mdx`;
  const chapter = chinese && manifest[translated] ? translated : `chapters/${slug}.mdx`;
  const roots = [...(slug !== null && manifest[chapter] ? [chapter] : []), ...(chinese && manifest[CHINESE_CATALOGUE] ? [CHINESE_CATALOGUE] : [])];
  const entries = Object.keys(manifest).filter((name) => manifest[name].isEntry);
  const alreadyLoaded = staticClosure(manifest, entries);
  return [...staticClosure(manifest, roots)].filter((name) => !alreadyLoaded.has(name)).map((name) => `/${manifest[name].file}`);
}
