/**
 * The hidden-state heatmap, the gate inspector and the cell comparison in Chromium on WebGPU: the numbers
 * they show (read from the exact values behind heatmap readouts and rounded numbers) equal the engine's, computed here in Node on tfjs CPU
 * for the same seed; the shared-linear-layer toggle makes the gates identical; hidden size 512 works; and
 * each figure is accessible, error-free and fits a phone, in light and dark themes.
 */
import type { Locator, Page } from 'playwright-core';
import { describe, expect, it } from 'vitest';
import { compareCells } from '../../src/core/figures/cellComparison';
import type { CellKind } from '../../src/core/cells/types';
import { traceGates, type GateTraceOptions } from '../../src/core/figures/gateTrace';
import { makeInputs, type InputPattern } from '../../src/core/figures/inputPatterns';
import { sequentialColor } from '../../src/components/colorScale';
import { ARTIFACTS, backendOf, longNumbers, openPage, seriousViolations, useBrowser, widgetsReady } from './browser';

/** The widgets feed this many input features. */
const INPUT_SIZE = 4;

const browser = useBrowser();

/** Within 1e-4 relative (plus a hair absolute for values near zero): WebGPU's float32 against tfjs CPU's. */
function expectNear(got: number, want: number, label: string) {
  expect(Math.abs(got - want), `${label}: got ${got}, want ${want}`).toBeLessThanOrEqual(1e-6 + 1e-4 * Math.abs(want));
}

/** The same trace the widget asks for, in Node. */
function nodeTrace(kind: CellKind, hiddenSize: number, steps: number, pattern: InputPattern, seed: number, extra: Partial<GateTraceOptions> = {}) {
  const inputs = makeInputs(pattern, { steps, inputSize: INPUT_SIZE, seed, modules: [{ kind, inputSize: INPUT_SIZE, hiddenSize }] });
  return traceGates({ kind, hiddenSize, seed, inputs, ...extra });
}

/** A heatmap's canvas by the start of its accessible name, e.g. "Heatmap of h:". */
const heatmap = (scope: Page | Locator, name: string) => scope.getByRole('img', { name: `Heatmap of ${name}:` });

/**
 * The (row, col) array indices a heatmap readout names and the exact value behind the rounded one it
 * shows, e.g. "h[t=3, unit=7] = 0.2500" is row 2: time steps are shown counting from 1.
 */
async function readout(canvas: Locator): Promise<{ row: number; col: number; value: number; shown: string }> {
  const line = canvas.locator('xpath=ancestor::figure[1]').locator('.heatmap-readout');
  const text = (await line.textContent()) ?? '';
  const match = text.match(/\[(\w+)=(\d+), \w+=(\d+)\] = (.+)$/);
  if (!match) return { row: -1, col: -1, value: NaN, shown: '' };
  return { row: Number(match[2]) - (match[1] === 't' ? 1 : 0), col: Number(match[3]), value: Number(await line.getAttribute('data-value')), shown: match[4] };
}

/**
 * Focuses a heatmap, walks its keyboard cursor to (row, col) and returns the exact value its readout
 * shows. Focus keeps an earlier cursor (or puts it at (0, 0)); each arrow key moves it by one. The key is
 * held down, as a reader crossing 512 units would: the browser repeats its keydown, and the heatmap moves one
 * cell on each. The repeats are sent without waiting for each to land (all are the same key, so their order
 * is no matter); the cursor is then waited for where they should have taken it.
 */
async function readHeatmap(page: Page, canvas: Locator, row: number, col: number): Promise<number> {
  await canvas.focus();
  await expect.poll(async () => (await readout(canvas)).row).toBeGreaterThanOrEqual(0);
  const start = await readout(canvas);
  const press = async (key: string, times: number) => {
    if (times === 0) return;
    await Promise.all(Array.from({ length: times }, () => page.keyboard.down(key)));
    await page.keyboard.up(key);
  };
  await press(row > start.row ? 'ArrowDown' : 'ArrowUp', Math.abs(row - start.row));
  await press(col > start.col ? 'ArrowRight' : 'ArrowLeft', Math.abs(col - start.col));
  await expect.poll(async () => { const r = await readout(canvas); return [r.row, r.col]; }).toEqual([row, col]);
  return (await readout(canvas)).value;
}

/** The exact value behind a shown number (on the element or the one number inside it). */
async function exactNumber(locator: Locator): Promise<number> {
  return Number(await locator.locator('xpath=descendant-or-self::*[@data-value]').first().getAttribute('data-value'));
}

/** Accessible in both themes and error-free; screenshots of each theme go to test artifacts. */
async function checkThemes(page: Page, errors: string[], name: string) {
  expect(await seriousViolations(page)).toEqual([]);
  expect(await longNumbers(page)).toEqual([]);
  await page.screenshot({ path: `${ARTIFACTS}/gates-${name}-light.png`, fullPage: true });
  await page.evaluate(() => (document.documentElement.dataset.theme = 'dark'));
  expect(await seriousViolations(page)).toEqual([]);
  await page.screenshot({ path: `${ARTIFACTS}/gates-${name}-dark.png`, fullPage: true });
  expect(errors).toEqual([]);
}

/**
 * A sigmoid gate's map is on the sequential 0…1 scale: its legend says so, and the cell at (6, 5) is
 * painted the colour that scale gives its value, and its readout shows four significant digits.
 */
async function expectGateScale(page: Page, scope: Locator, gate: string) {
  const legend = scope.locator('.heatmap-legend');
  expect([await legend.getAttribute('data-scale'), await legend.getAttribute('data-min'), await legend.getAttribute('data-max')]).toEqual(['sequential', '0', '1']);
  expect(await legend.textContent()).toContain('0 (closed) to 1 (open)');
  const canvas = heatmap(scope, gate);
  const value = await readHeatmap(page, canvas, 6, 5);
  expect((await readout(canvas)).shown.replace(/ ×.*$/, '').replace(/\D/g, '').replace(/^0+/, '').length).toBeLessThanOrEqual(4);
  // Sample the cell's centre on the canvas, in device pixels, away from the cursor's outline.
  const pixel = await canvas.evaluate((node) => {
    const c = node as HTMLCanvasElement;
    const cellWidth = c.width / 8;
    const cellHeight = c.height / 16;
    const data = c.getContext('2d')!.getImageData(Math.floor(5.5 * cellWidth), Math.floor(6.5 * cellHeight), 1, 1).data;
    return `rgb(${data[0]}, ${data[1]}, ${data[2]})`;
  });
  expect(pixel).toBe(sequentialColor(value));
}

describe('hidden-state heatmap', () => {
  it('shows the engine’s h, c and ∂L/∂h_t for an LSTM on WebGPU', async () => {
    const { page, errors } = await openPage(browser(), '/figures/HiddenStateHeatmap?kind=LSTM&hiddenSize=16&seqLength=24&seed=0');
    expect(await backendOf(page)).toBe('webgpu');
    await widgetsReady(page);
    const want = await nodeTrace('LSTM', 16, 24, 'pulses', 0);
    for (const [t, j] of [[0, 0], [5, 3], [23, 15]]) expectNear(await readHeatmap(page, heatmap(page, 'h'), t, j), want.values.h[t][j], `h[${t}, ${j}]`);
    await page.getByLabel('Show').selectOption('c');
    expectNear(await readHeatmap(page, heatmap(page, 'c'), 9, 7), want.values.c[9][7], 'c[9, 7]');
    await page.getByLabel('Show').selectOption('f');
    expectNear(await readHeatmap(page, heatmap(page, 'f'), 2, 11), want.values.f[2][11], 'f[2, 11]');
    await page.getByLabel('Show').selectOption('dh');
    expectNear(await readHeatmap(page, heatmap(page, '∂L/∂h'), 4, 6), want.dh?.[4][6] ?? NaN, '∂L/∂h[4, 6]');
    const summary = page.getByTestId('hidden-state-summary');
    expectNear(await exactNumber(summary.locator('strong').first()), want.loss, 'loss');
    expectNear(await exactNumber(summary.locator('strong').last()), want.dhNorms?.[0] ?? NaN, '‖∂L/∂h_0‖');
    expectNear(await readHeatmap(page, heatmap(page, 'x'), 8, 2), want.inputs[8][2], 'x[8, 2]');
    await checkThemes(page, errors, 'hidden-state-heatmap');
    await page.context().close();
  });

  it('draws hidden size 512 and answers a settings change quickly', async () => {
    const { page, errors } = await openPage(browser(), '/figures/HiddenStateHeatmap?kind=GRU&hiddenSize=512&seqLength=24&seed=3');
    expect(await backendOf(page)).toBe('webgpu');
    await widgetsReady(page);
    const canvas = heatmap(page, 'h');
    await expect.poll(() => canvas.getAttribute('aria-label')).toContain('24 t by 512 unit');
    const want = await nodeTrace('GRU', 512, 24, 'pulses', 3);
    expectNear(await readHeatmap(page, canvas, 20, 511), want.values.h[20][511], 'h[20, 511]');
    // One settings change at full size: from the key press until the new map is on screen.
    const seed = page.getByRole('slider', { name: 'seed' });
    const shownNorm = page.getByTestId('hidden-state-summary').locator('[data-value]').last();
    const before = await shownNorm.getAttribute('data-value');
    await seed.focus();
    const started = await page.evaluate(() => performance.now());
    await page.keyboard.press('ArrowRight');
    await expect.poll(() => shownNorm.getAttribute('data-value'), { timeout: 60_000, interval: 20 }).not.toBe(before);
    const ms = (await page.evaluate(() => performance.now())) - started;
    console.log(`hidden 512 × 24 GRU on webgpu (SwiftShader): ${ms.toFixed(0)} ms from a seed change to the new map`);
    const next = await nodeTrace('GRU', 512, 24, 'pulses', 4);
    expectNear(await readHeatmap(page, heatmap(page, 'h'), 23, 300), next.values.h[23][300], 'h[23, 300] after the change');
    await page.screenshot({ path: `${ARTIFACTS}/gates-hidden-512.png`, fullPage: true });
    expect(errors).toEqual([]);
    await page.context().close();
  });
});

describe('gate inspector', () => {
  it.each([
    ['LSTM', ['i', 'f', 'o'], 'i-f'],
    ['GRU', ['r', 'z'], 'r-z'],
  ] as const)('%s: gates equal the engine’s, and one shared linear layer makes them identical', async (kind, sigmoidGates, firstPair) => {
    const { page, errors } = await openPage(browser(), `/figures/GateInspector?kind=${kind}`);
    expect(await backendOf(page)).toBe('webgpu');
    await widgetsReady(page);
    const want = await nodeTrace(kind, 8, 16, 'random', 0, { gradients: false });
    const panel = (gate: string) => page.locator(`.gate-panel[data-gate="${gate}"]`);
    for (const gate of [...sigmoidGates, kind === 'LSTM' ? 'c' : 'n']) {
      expectNear(await readHeatmap(page, heatmap(panel(gate), gate), 6, 5), want.values[gate][6][5], `${gate}[6, 5]`);
    }
    await expectGateScale(page, panel(sigmoidGates[0]), sigmoidGates[0]);
    const tanhLegend = panel(kind === 'LSTM' ? 'g' : 'n').locator('.heatmap-legend');
    expect([await tanhLegend.getAttribute('data-scale'), await tanhLegend.getAttribute('data-min'), await tanhLegend.getAttribute('data-max')]).toEqual(['diverging', '-1', '1']);
    const difference = page.locator(`[data-pair="${firstPair}"]`);
    expectNear(await exactNumber(difference), want.gateDifferences[0].maxAbs, `max |${firstPair}|`);
    expect(want.gateDifferences[0].maxAbs).toBeGreaterThan(0.01);
    await page.screenshot({ path: `${ARTIFACTS}/gates-gate-inspector-${kind}-correct.png`, fullPage: true });

    await page.getByLabel('One shared linear layer for every gate (the bug)').check();
    await expect.poll(() => difference.getAttribute('data-value')).toBe('0');
    await widgetsReady(page);
    const shared = await nodeTrace(kind, 8, 16, 'random', 0, { gradients: false, sharedGates: true });
    const titles = await page.locator('[data-pair]').evaluateAll((nodes) => nodes.map((n) => n.getAttribute('data-value')));
    expect(titles).toEqual(shared.gateDifferences.map(() => '0'));
    const pixels = await Promise.all(sigmoidGates.map((gate) => heatmap(panel(gate), gate).evaluate((c) => (c as HTMLCanvasElement).toDataURL())));
    expect(new Set(pixels).size).toBe(1);
    expect(await exactNumber(page.getByTestId('gate-parameters').locator('strong'))).toBe(shared.freeParameters);
    for (const gate of sigmoidGates) {
      expectNear(await readHeatmap(page, heatmap(panel(gate), gate), 9, 3), shared.values[gate][9][3], `shared ${gate}[9, 3]`);
    }
    await checkThemes(page, errors, `gate-inspector-${kind}`);
    await page.context().close();
  });
});

describe('cell comparison', () => {
  it('shows RNN, LSTM and GRU as the engine computes them, with the layer’s parameter counts', async () => {
    const { page, errors } = await openPage(browser(), '/figures/CellComparison?hiddenSize=16&seqLength=24&seed=0');
    expect(await backendOf(page)).toBe('webgpu');
    await widgetsReady(page);
    const want = await compareCells({ hiddenSize: 16, seed: 0, inputs: makeInputs('pulses', { steps: 24, inputSize: INPUT_SIZE }) });
    for (const cell of want.cells) {
      expect(await exactNumber(page.getByTestId(`parameters-${cell.kind}`))).toBe(cell.numParameters);
      const canvas = heatmap(page.locator(`.cell-compare-panel[data-kind="${cell.kind}"]`), `h (${cell.kind})`);
      expectNear(await readHeatmap(page, canvas, 10, 4), cell.h[10][4], `${cell.kind} h[10, 4]`);
    }
    const chart = await page.locator('figure.chart').getAttribute('aria-label');
    for (const cell of want.cells) {
      const last = Number(chart?.match(new RegExp(`${cell.kind}, last (\\S+?)(;|$)`))?.[1]);
      expectNear(last, cell.hNorms[23], `‖h_23‖ of ${cell.kind}`);
    }
    await checkThemes(page, errors, 'cell-comparison');
    await page.context().close();
  });
});

describe('at phone width', () => {
  it.each([['HiddenStateHeatmap?hiddenSize=512'], ['GateInspector?hiddenSize=64'], ['CellComparison?hiddenSize=128']])('%s scrolls inside itself at 375 px', async (path) => {
    const { page, errors } = await openPage(browser(), `/figures/${path}`, { width: 375, height: 800 });
    await widgetsReady(page);
    expect(await page.evaluate(() => document.documentElement.scrollWidth)).toBeLessThanOrEqual(375);
    await page.screenshot({ path: `${ARTIFACTS}/gates-375-${path.split('?')[0]}.png`, fullPage: true });
    expect(errors).toEqual([]);
    await page.context().close();
  });
});
