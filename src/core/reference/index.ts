/** The float64 reference engine: cells and the little linear algebra they need. */
export * from './cells';
export * from './linalg';
export type * from './types';
