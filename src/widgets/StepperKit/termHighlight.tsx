/**
 * Linked highlights: one term of the equations (h_{t−1}, x_t, W_hh, a gate, c_t …) lit at a time, in the
 * equations, on the unrolled picture's wires and on any box that shows it (a gradient matrix, a group of
 * weights). Terms are plain names shared by all three: the TeX marks them with `\htmlData{term=…}`, wires
 * list them in `GraphWire.terms`, boxes carry them in `TermBox`. Everything lit shows the same snapshot.
 */
import { createContext, useContext, useMemo, useState, type ReactNode } from 'react';

export interface TermHighlight {
  /** the lit term, or null */
  term: string | null;
  /** light a term (null: none) */
  show: (term: string | null) => void;
}

const TermContext = createContext<TermHighlight>({ term: null, show: () => {} });

/** A figure's highlight state, to hand to `TermProvider` and to its unrolled picture. */
export function useTermState(): TermHighlight {
  const [term, show] = useState<string | null>(null);
  return useMemo(() => ({ term, show }), [term]);
}

export const TermProvider = TermContext.Provider;

/** The highlight of the figure around: inert outside a `TermProvider`. */
export const useTerm = (): TermHighlight => useContext(TermContext);

/** Whether an element's `data-term` (terms separated by spaces) includes `term`. */
export const standsFor = (terms: string | undefined, term: string | null): boolean => term !== null && (terms?.split(' ').includes(term) ?? false);

/**
 * A block that shows a term outside the equations and the picture (a gradient matrix, a group of weights):
 * lit with the term, and lighting it when pointed at or when something inside it has the focus.
 */
export function TermBox({ term, children, className = '' }: { term: string | null; children: ReactNode; className?: string }) {
  const { term: lit, show } = useTerm();
  const on = () => term && show(term);
  const off = () => term && show(null);
  return (
    <div className={`term-box ${className}${term !== null && lit === term ? ' term-lit' : ''}`} data-term={term ?? undefined} onMouseEnter={on} onMouseLeave={off} onFocus={on} onBlur={off}>
      {children}
    </div>
  );
}
