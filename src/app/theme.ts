/** Light and dark themes: follows the system until the reader picks one, then remembers the pick. */
import { useSyncExternalStore } from 'react';

export type Theme = 'light' | 'dark';
const KEY = 'unrolled.theme';
const listeners = new Set<() => void>();

function current(): Theme {
  return document.documentElement.dataset.theme === 'dark' ? 'dark' : 'light';
}

function apply(theme: Theme) {
  document.documentElement.dataset.theme = theme;
  listeners.forEach((listener) => listener());
}

// In the browser only: the pre-render runs this module in Node, where there is no system theme to follow.
if (typeof matchMedia === 'function') {
  matchMedia('(prefers-color-scheme: dark)').addEventListener('change', (event) => {
    if (!localStorage.getItem(KEY)) apply(event.matches ? 'dark' : 'light');
  });
}

/**
 * What the pre-rendered page shows before hydration: the server cannot know the reader's theme, so the
 * toggle starts as in the light theme and React updates it right after hydration (the colours themselves
 * come from `data-theme`, set by the inline script before first paint, so nothing flashes).
 */
const serverTheme = (): Theme => 'light';
export function useTheme(): [Theme, () => void] {
  const theme = useSyncExternalStore(
    (listener) => {
      listeners.add(listener);
      return () => listeners.delete(listener);
    },
    current,
    serverTheme,
  );
  const toggle = () => {
    const next = theme === 'dark' ? 'light' : 'dark';
    localStorage.setItem(KEY, next);
    apply(next);
  };
  return [theme, toggle];
}
