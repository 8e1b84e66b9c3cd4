/**
 * Which JavaScript a pre-rendered chapter asks for early: its own chunk and what that chunk imports, read
 * from Vite's client manifest. The chapter's text is already in the page; preloading its code lets React
 * take the text over (and the figures start) without waiting for the entry to discover the chunk.
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

/** Absolute URLs to preload for the page at `path`: none for a page that is not a chapter. */
export function chapterModulePreloads(manifest: ClientManifest, path: string): string[] {
  const slug = slugOfPath(pathWithoutLanguage(path));
  const translated = `chapters/zh/${slug}.mdx`;
  const key = languageOfPath(path) === 'zh' && manifest[translated] ? translated : `chapters/${slug}.mdx`;
  if (slug === null || !manifest[key]) return [];
  const entries = Object.keys(manifest).filter((name) => manifest[name].isEntry);
  const alreadyLoaded = staticClosure(manifest, entries);
  return [...staticClosure(manifest, [key])].filter((name) => !alreadyLoaded.has(name)).map((name) => `/${manifest[name].file}`);
}
