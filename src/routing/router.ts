/**
 * A small history router: the book has two kinds of page (`/` and `/chapters/<slug>`), so a full
 * routing library would be dead weight. Hash fragments stay free for heading deep links.
 */
import { useSyncExternalStore } from 'react';
import { saveScroll } from './scrollMemory';

const listeners = new Set<() => void>();
const notify = () => listeners.forEach((listener) => listener());

/** Path of the current page, e.g. `/chapters/01-sequences`. */
export function usePath(): string {
  return useSyncExternalStore(
    (listener) => {
      listeners.add(listener);
      window.addEventListener('popstate', listener);
      return () => {
        listeners.delete(listener);
        window.removeEventListener('popstate', listener);
      };
    },
    () => location.pathname,
  );
}

/** Moves to an in-book URL without reloading; scrolls to its heading, or to the top. */
export function navigate(href: string): void {
  const url = new URL(href, location.href);
  const samePage = url.pathname === location.pathname;
  // Where the reader leaves from, so that Back returns there.
  saveScroll();
  history.pushState({}, '', url);
  if (!samePage) notify();
  scrollToHash(url.hash);
}

/** Scrolls to `#id` once it exists on the page (chapters load asynchronously). */
export function scrollToHash(hash: string, attemptsLeft = 40): void {
  if (!hash) {
    scrollTo(0, 0);
    return;
  }
  const target = document.getElementById(decodeURIComponent(hash.slice(1)));
  if (target) target.scrollIntoView();
  else if (attemptsLeft > 0) setTimeout(() => scrollToHash(hash, attemptsLeft - 1), 50);
}

export const chapterPath = (slug: string) => `/chapters/${slug}`;

/** The chapter slug of a path, or null for any other page. */
export function slugOfPath(path: string): string | null {
  const match = /^\/chapters\/([a-z0-9-]+)\/?$/.exec(path);
  return match ? match[1] : null;
}

/** For `/figures` null, for `/figures/<Name>` the name, for any other page undefined. */
export function figureOfPath(path: string): string | null | undefined {
  if (/^\/figures\/?$/.test(path)) return null;
  const match = /^\/figures\/([A-Za-z]+)\/?$/.exec(path);
  return match ? match[1] : undefined;
}
