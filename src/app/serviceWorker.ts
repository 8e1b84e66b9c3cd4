/**
 * The book's service worker (`/sw.js`, written by `src/build/serviceWorker.ts`): after one visit every page,
 * figure, font and the engine come from the precache, so the book reads offline. Registered in production
 * builds only; the development server never has one, so a stale cache can never hide an edit.
 *
 * A new deployment installs a new worker beside the old one. It waits (no automatic `skipWaiting`) until the
 * reader accepts the new edition, so a page never mixes files of two builds; `useEditionUpdate` offers that.
 */
import { useSyncExternalStore } from 'react';

/** The worker's URL, the same file name the build writes (`SERVICE_WORKER_FILE`). */
export const SERVICE_WORKER_URL = '/sw.js';

const listeners = new Set<() => void>();
/** Set while a new edition is ready: calling it moves this page onto the new edition. */
let switchToNewEdition: (() => void) | null = null;

function offer(switchEdition: () => void): void {
  switchToNewEdition = switchEdition;
  listeners.forEach((listener) => listener());
}

/**
 * Registers the worker once the page has loaded (workbox-window waits for `load`, so precaching never
 * competes with the first chapter's own downloads). Does nothing in development or where the browser
 * has no service workers (e.g. a plain-http address other than localhost).
 */
export function registerServiceWorker(): void {
  if (!import.meta.env.PROD || !('serviceWorker' in navigator)) return;
  // Whether an older worker already served this page: then a change of controller is a new edition.
  const hadController = navigator.serviceWorker.controller !== null;
  let reloading = false;
  const reloadOnce = () => {
    if (reloading) return;
    reloading = true;
    location.reload();
  };
  navigator.serviceWorker.addEventListener('controllerchange', () => {
    // Another tab accepted the new edition: this page's later downloads would come from it, so offer a reload.
    if (hadController && !reloading) offer(reloadOnce);
  });
  import('workbox-window')
    .then(async ({ Workbox }) => {
      const workbox = new Workbox(SERVICE_WORKER_URL);
      const registration = await workbox.register();
      workbox.addEventListener('waiting', () =>
        offer(() => {
          // Another tab may have switched already; else the new worker takes over only now, and the page
          // reloads once it controls it, on the new files.
          if (!registration?.waiting) return reloadOnce();
          navigator.serviceWorker.addEventListener('controllerchange', reloadOnce);
          workbox.messageSkipWaiting();
        }),
      );
    })
    // Without a worker the book still works online; nothing the reader can act on.
    .catch((error: unknown) => console.warn('The offline copy of the book could not be set up:', error));
}

/** A function that reloads the page on the new edition of the book, or null while there is none. */
export function useEditionUpdate(): (() => void) | null {
  return useSyncExternalStore(
    (listener) => {
      listeners.add(listener);
      return () => listeners.delete(listener);
    },
    () => switchToNewEdition,
    () => null,
  );
}
