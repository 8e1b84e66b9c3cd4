import katex from 'katex';
import { useLayoutEffect, useMemo, useRef, type MouseEvent } from 'react';
import { standsFor, useTerm } from './termHighlight';

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
  const titled = html.replace(/data-full="([^"]*)"/g, (attribute, full: string) => `${attribute} title="${full}"`);
  if (cache.size >= CACHE_SIZE) cache.delete(cache.keys().next().value as string);
  cache.set(tex, titled);
  return titled;
}

/**
 * One displayed equation; `label` is what it says in words, for readers who cannot see it. Terms marked
 * `\htmlData{term=…}` light with the figure's highlight and light it when pointed at.
 */
export function Equation({ tex, label }: { tex: string; label?: string }) {
  const html = useMemo(() => render(tex), [tex]);
  const { term, show } = useTerm();
  const root = useRef<HTMLDivElement>(null);
  // KaTeX's markup is not React's: mark the lit terms on it directly, again whenever it is replaced.
  useLayoutEffect(() => {
    for (const element of root.current?.querySelectorAll<HTMLElement>('[data-term]') ?? []) element.classList.toggle('term-lit', standsFor(element.dataset.term, term));
  }, [html, term]);
  const point = (event: MouseEvent) => {
    const marked = (event.target as Element).closest<HTMLElement>('[data-term]');
    show(marked?.dataset.term?.split(' ')[0] ?? null);
  };
  return (
    <div
      ref={root}
      className="equation"
      role={label ? 'group' : undefined}
      aria-label={label}
      onMouseOver={point}
      onMouseLeave={() => show(null)}
      dangerouslySetInnerHTML={{ __html: html }}
    />
  );
}
