/**
 * Where the reader was on each page of their history, kept in the history entry itself (so it survives a
 * reload, and Back and Forward find it) and restored when they return. A place is remembered by the block
 * of text at the top of the window and how far it stood from the top, not by a pixel offset alone: a
 * chapter's figures arrive a moment after its text and grow, and a pixel offset would then point at other
 * text. (Once restored, the browser's scroll anchoring keeps that text in place as figures above it grow.)
 */

import { withoutTrailingSlash } from './paths';

/** The part of a history entry's state this module owns. */
interface ScrollState {
  scrollY?: number;
  /** Index of the block (a child of the page's `.prose` article) at the top of the window. */
  block?: number;
  /** That block's top, relative to the window's top, in pixels (≤ 0 when it began above the window). */
  blockTop?: number;
}

const stateOf = (): ScrollState & Record<string, unknown> => (history.state && typeof history.state === 'object' ? history.state : {});
const blocks = () => document.querySelectorAll<HTMLElement>('main .prose > *');

/** The first block of the page that reaches into the window, and where it stands. */
function blockAtTop(): Pick<ScrollState, 'block' | 'blockTop'> {
  const all = blocks();
  for (let k = 0; k < all.length; k++) {
    const { top, bottom } = all[k].getBoundingClientRect();
    if (bottom > 0) return { block: k, blockTop: Math.round(top) };
  }
  return {};
}

/** Writes the current place into the current history entry, keeping whatever else it holds. */
export function saveScroll(): void {
  history.replaceState({ ...stateOf(), scrollY: Math.round(scrollY), ...blockAtTop() }, '');
}

/** Whether the reader is returning to a place of their own (Back, Forward, a reload), which this module restores. */
export const returningToPlace = (): boolean => typeof stateOf().scrollY === 'number';

/**
 * Whether the page of the address is on screen with its text: `main` names the page it shows (the shell
 * sets `data-path`), and a chapter still loading shows `.loading`.
 */
const pageShown = () => document.querySelector<HTMLElement>('main')?.dataset.path === withoutTrailingSlash(location.pathname) && !document.querySelector('main .loading');

/** Distance in pixels from where the page stands to `place`. */
function distanceTo(place: ScrollState): number {
  const block = place.block === undefined ? undefined : blocks()[place.block];
  return block ? block.getBoundingClientRect().top - place.blockTop! : place.scrollY! - scrollY;
}

/**
 * Brings the remembered place back once the returning page shows its text (Back fires while the old
 * page is still on screen), then keeps at it until the place holds for 200 ms, for three seconds at most.
 */
function restore(place: ScrollState, deadline = Date.now() + 3000, heldSince = 0): void {
  if (pageShown()) {
    const off = distanceTo(place);
    if (Math.abs(off) > 1) scrollBy(0, place.block === undefined ? -off : off);
    heldSince = Math.abs(distanceTo(place)) <= 1 ? heldSince || Date.now() : 0;
    if (heldSince && Date.now() - heldSince >= 200) return;
  }
  if (Date.now() < deadline) setTimeout(() => restore(place, deadline, heldSince), 50);
}

/**
 * Takes over scroll restoration for the book's own navigation: places are saved as the reader scrolls
 * (at most every 200 ms) and before each move (see `navigate`), and restored on Back, Forward and reload.
 * Returns the uninstaller.
 */
export function rememberScroll(): () => void {
  history.scrollRestoration = 'manual';
  let timer: ReturnType<typeof setTimeout> | undefined;
  const onScroll = () => {
    if (timer === undefined) timer = setTimeout(() => ((timer = undefined), saveScroll()), 200);
  };
  const onPop = () => {
    // A save still pending belongs to the page just left: it must not land on the entry returned to.
    clearTimeout(timer);
    timer = undefined;
    if (returningToPlace()) restore(stateOf());
  };
  addEventListener('scroll', onScroll, { passive: true });
  addEventListener('popstate', onPop);
  if (returningToPlace()) restore(stateOf());
  return () => {
    clearTimeout(timer);
    removeEventListener('scroll', onScroll);
    removeEventListener('popstate', onPop);
  };
}
