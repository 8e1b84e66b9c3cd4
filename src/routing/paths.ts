/** Paths as the book compares them. */

/** `/chapters/x/` → `/chapters/x`; the root stays `/`. */
export const withoutTrailingSlash = (path: string): string => (path.length > 1 ? path.replace(/\/+$/, '') : path);
