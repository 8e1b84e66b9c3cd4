/** What a line chart draws, apart from how: its series and their colours (no React, so pure code can build them). */

export interface Series {
  name: string;
  /** Points in x order; y may be missing where a series has no value yet. */
  points: { x: number; y: number }[];
  /** A reference to compare against (drawn dashed and grey), not a measured curve. */
  reference?: boolean;
  /** A fixed colour, for a series that should keep it whichever others are shown. */
  color?: string;
}

/** Colour-blind-safe categorical colours (Okabe–Ito). */
export const SERIES_COLORS = ['#0072B2', '#D55E00', '#009E73', '#CC79A7', '#E69F00', '#56B4E9'];
