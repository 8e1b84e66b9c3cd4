/**
 * The hello trainer's one epoch cursor, shared by its loss chart, its epoch slider and its prediction
 * list: which epoch the figure shows, and how the reader's choices move it. No React here, so the rules
 * are tested on their own.
 */

/** What the cursor needs of an epoch's report. */
export interface EpochReport {
  /** 1-based. */
  epoch: number;
}

/**
 * The epoch the figure shows: the one under the pointer on the chart while it hovers there, else the one
 * the reader picked, else the latest (so that, left alone, the cursor follows training).
 */
export function shownEpoch<E extends EpochReport>(events: readonly E[], picked: number | null, hovered: number | null): E | undefined {
  const byEpoch = (epoch: number | null) => (epoch === null ? undefined : events.find((e) => e.epoch === epoch));
  return byEpoch(hovered) ?? byEpoch(picked) ?? events.at(-1);
}

/**
 * The pick that choosing `epoch` makes: the latest epoch means "follow the latest" (null), so that
 * resuming a run moves the cursor on with it; any earlier epoch stays where the reader put it.
 */
export function pickEpoch(epoch: number, latestEpoch: number | undefined): number | null {
  return latestEpoch === undefined || epoch >= latestEpoch ? null : epoch;
}

/**
 * How far to scroll a list so that the item `top`…`top + height` (in the list's content coordinates) is
 * in view, moving as little as possible; the list's own `scrollTop` when it already is. Only the list
 * scrolls, never the page.
 */
export function scrollToShow(item: { top: number; height: number }, list: { scrollTop: number; height: number }): number {
  if (item.top < list.scrollTop) return item.top;
  if (item.top + item.height > list.scrollTop + list.height) return item.top + item.height - list.height;
  return list.scrollTop;
}
