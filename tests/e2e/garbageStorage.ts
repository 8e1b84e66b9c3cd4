/**
 * Garbage where the book keeps a reader's settings, and the check that nothing failed because of it: used
 * on every page by chapters.test.ts's 375 px pass.
 */
import type { Page } from 'playwright-core';
import { expect } from 'vitest';

/**
 * Makes every `unrolled.*` value the page reads a piece of garbage: wrong types, out-of-range numbers,
 * unknown choices, broken JSON. Which garbage a key gets depends on the key, so every figure meets several.
 */
export const GARBAGE_STORAGE = () => {
  const garbage = [
    JSON.stringify({ seqLength: -1, hiddenSize: 0, seed: 1e9, kind: 'XYZ', numLayers: 1.5, truncation: 99, clipNorm: -3, radius: 1e308, steps: -5, quantity: 'nope', pattern: 'nope', variant: 'nope', learningRate: -1, epochs: 1e9, length: 1e7, temperature: -2, inputSize: 1e6, batch: 0, activation: 'sigmoid', bias: 'yes' }),
    JSON.stringify({ seqLength: 'four', hiddenSize: null, seed: 'x', kind: 42, numLayers: [], prefix: 7 }),
    'null',
    '"a string"',
    '[1, 2, 3]',
    '{ not json',
    '1e999',
    '-1',
  ];
  const original = Storage.prototype.getItem;
  Storage.prototype.getItem = function (key: string) {
    if (!key.startsWith('unrolled.')) return original.call(this, key);
    let hash = 0;
    for (const char of key) hash = (hash * 31 + char.charCodeAt(0)) >>> 0;
    return garbage[hash % garbage.length];
  };
};

/** Fails when a figure or a chapter on the page shows its error message. */
export async function expectNoFigureFailed(page: Page, where: string) {
  expect(await page.locator('[data-figure-error], [data-chapter-error]').count(), `${where}: a figure or chapter failed`).toBe(0);
}

