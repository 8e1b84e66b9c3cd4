/**
 * A small history router: the book has a few kinds of page (`/`, `/chapters/<slug>`, `/figures/<Name>`),
 * so a full routing library would be dead weight. Hash fragments stay free for heading deep links. Every
 * path is accepted with and without a trailing slash: a plain static server redirects `/chapters/x` to
 * `/chapters/x/`, where the pre-rendered page lives.
 */
import { useSyncExternalStore } from 'react';
import { withoutTrailingSlash } from './paths';
import { saveScroll } from './scrollMemory';

const listeners = new Set<() => void>();

/** The path being pre-rendered: in Node there is no `location`, so the prerender says which page it renders. */
let renderedPath = '/';

/** Tells the router which page the server is rendering (`src/entry-server.tsx`). */
export function setServerPath(path: string): void {
  renderedPath = path;
}

/** The browser's path, or on the server the page being pre-rendered. */
const currentPath = () => (typeof location === 'undefined' ? renderedPath : location.pathname);
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
    currentPath,
    currentPath,
  );
}

/**
 * What a page needs before it renders, as the entry sets it (`src/main.tsx`: the words of the page's
 * edition): null when it is all here, else a promise of it.
 */
let preparation: (path: string) => Promise<void> | null = () => null;

export function setPagePreparation(prepare: (path: string) => Promise<void> | null): void {
  preparation = prepare;
}

/**
 * Moves to an in-book URL without reloading; scrolls to its heading, or to the top. A page whose
 * preparation is not done (the other edition's words, the first time) moves once it is.
 */
export function navigate(href: string): void {
  const url = new URL(href, location.href);
  const waiting = preparation(url.pathname);
  if (waiting) void waiting.then(() => moveTo(url));
  else moveTo(url);
}

function moveTo(url: URL): void {
  const samePage = withoutTrailingSlash(url.pathname) === withoutTrailingSlash(location.pathname);
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

export { withoutTrailingSlash } from './paths';

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
