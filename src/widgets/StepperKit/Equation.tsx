import katex from 'katex';
import { useMemo } from 'react';

/** An equation as a stepper shows it: its TeX and what it says in words. */
export interface ShownEquation {
  tex: string;
  label: string;
}

/** Rendered equations by their TeX: stepping back and forth shows the same ones again. */
const cache = new Map<string, string>();
const CACHE_SIZE = 200;

/** KaTeX with \htmlData allowed (and nothing else that needs trust), errors drawn in place, never thrown. */
function render(tex: string): string {
  const hit = cache.get(tex);
  if (hit !== undefined) return hit;
  const html = katex.renderToString(tex, {
    displayMode: true,
    throwOnError: false,
    strict: 'ignore',
    trust: (context) => context.command === '\\htmlData',
  });
  // A title on every substituted number: hover shows the value in full precision.
  const titled = html.replace(/data-full="([^"]*)"/g, 'data-full="$1" title="$1"');
  if (cache.size >= CACHE_SIZE) cache.delete(cache.keys().next().value as string);
  cache.set(tex, titled);
  return titled;
}

/** One displayed equation; `label` is what it says in words, for readers who cannot see it. */
export function Equation({ tex, label }: { tex: string; label?: string }) {
  const html = useMemo(() => render(tex), [tex]);
  return <div className="equation" role={label ? 'group' : undefined} aria-label={label} dangerouslySetInnerHTML={{ __html: html }} />;
}
