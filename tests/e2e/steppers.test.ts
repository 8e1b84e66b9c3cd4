/**
 * The three steppers in a real browser on WebGPU: every value a wire shows equals what the engine computes
 * in Node for the same seed, stepping forward and back; the worked example shows the notes' numbers; the
 * BPTT gradient check agrees with its finite difference; no console errors; axe finds nothing serious.
 */
import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { checkGradientEntry } from '../../src/core/finiteDifference';
import { createStepperRecorder, stepperOptions, type StepperSetup } from '../../src/core/stepperSetup';
import type { UnrollSnapshot } from '../../src/core/unroll';
import { computeWorkedExampleReference, WORKED_EXAMPLE } from '../../src/core/workedExample';
import { ARTIFACTS, backendOf, launchBrowser, openPage, seriousViolations, widgetsReady } from './browser';

let browser: Browser;
beforeAll(async () => {
  browser = await launchBrowser();
});
afterAll(() => browser?.close());

/** The numbers a wire carries, read from its accessible name (full precision), or null while pending. */
async function wireValues(page: Page, id: string): Promise<number[] | null> {
  const label = (await page.locator(`[data-wire="${id}"]`).getAttribute('aria-label')) ?? '';
  if (label.endsWith('not computed yet')) return null;
  return label.slice(label.lastIndexOf(': ') + 2).split(', ').map(Number);
}

function expectClose(got: number[] | null, want: number[] | undefined, label: string, rtol = 1e-4) {
  expect(got, `${label} shown`).not.toBeNull();
  expect(got!.length, `${label} length`).toBe(want!.length);
  got!.forEach((v, k) => expect(Math.abs(v - want![k]), `${label}[${k}]: ${v} vs ${want![k]}`).toBeLessThanOrEqual(rtol * Math.abs(want![k]) + 1e-6));
}

const click = (page: Page, name: string) => page.getByRole('button', { name, exact: true }).click();

async function finish(page: Page, errors: string[], shot: string) {
  expect(await page.locator('.katex-error').count()).toBe(0);
  expect(await seriousViolations(page)).toEqual([]);
  await page.screenshot({ path: `${ARTIFACTS}/${shot}.png`, fullPage: true });
  expect(errors).toEqual([]);
  await page.context().close();
}

/** Forward wires of the cell stepper against the Node recorder at the same position. */
async function checkForward(page: Page, snapshot: UnrollSnapshot, kind: StepperSetup['kind']) {
  const gates = { RNN: ['a'], LSTM: ['i', 'f', 'g', 'o'], GRU: ['r', 'z', 'n'] }[kind];
  for (let t = 0; t < snapshot.length; t++) {
    const record = snapshot.forward[t];
    if (!record) {
      expect(await wireValues(page, `h-${t}`), `h-${t} pending`).toBeNull();
      continue;
    }
    expectClose(await wireValues(page, `h-${t}`), record.values.h, `h_${t}`);
    expectClose(await wireValues(page, `x-${t}`), record.x, `x_${t}`);
    for (const gate of gates) expectClose(await wireValues(page, `${gate}-${t}`), record.values[gate], `${gate}_${t}`);
    if (kind === 'LSTM') expectClose(await wireValues(page, `c-${t}`), record.values.c, `c_${t}`);
  }
}

describe.each(['RNN', 'LSTM', 'GRU'] as const)('cell stepper (%s)', (kind) => {
  it('shows the engine’s values stepping forward and back, on WebGPU', async () => {
    const setup = { kind, inputSize: 2, hiddenSize: 3, seqLength: 4, seed: 0 };
    const recorder = await createStepperRecorder(setup);
    const { page, errors } = await openPage(browser, `/figures/CellStepper?kind=${kind}`);
    expect(await backendOf(page)).toBe('webgpu');
    await widgetsReady(page);
    for (const move of ['Step forward', 'Step forward', 'Step forward', 'Step backward', 'Step backward', 'Step backward']) {
      await click(page, move);
      recorder.seek(move === 'Step forward' ? recorder.position + 1 : recorder.position - 1);
      await checkForward(page, recorder.snapshot(), kind);
    }
    // ← / → step while anything in the widget has focus.
    await page.getByRole('button', { name: 'Reset', exact: true }).focus();
    await page.keyboard.press('ArrowRight');
    await page.keyboard.press('ArrowRight');
    recorder.seek(2);
    await checkForward(page, recorder.snapshot(), kind);
    await expect.poll(() => page.getByTestId('cell-equations').locator('[title]').count()).toBeGreaterThan(4);
    await finish(page, errors, `steppers-cell-${kind}`);
  });
});

describe('bptt stepper', () => {
  const setup: StepperSetup = { kind: 'RNN', inputSize: 2, hiddenSize: 3, seqLength: 5, seed: 0, withLoss: true };

  it.each(['RNN', 'LSTM', 'GRU'] as const)('%s: shows the engine’s gradients stepping back and forth, and its gradient check agrees', async (kind) => {
    const recorder = await createStepperRecorder({ ...setup, kind });
    const T = recorder.length;
    const { page, errors } = await openPage(browser, `/figures/BpttStepper?kind=${kind}`);
    expect(await backendOf(page)).toBe('webgpu');
    await widgetsReady(page);
    let position = T;
    for (const move of ['Step forward', 'Step forward', 'Step forward', 'Step backward', 'Step backward', 'Step backward']) {
      await click(page, move);
      position += move === 'Step forward' ? 1 : -1;
      recorder.seek(position);
      const { backward, gradients } = recorder.snapshot();
      for (let t = 0; t < T; t++) {
        const b = backward[t];
        if (!b) {
          expect(await wireValues(page, `dh-${t}`), `dh-${t} pending`).toBeNull();
          continue;
        }
        expectClose(await wireValues(page, `dh-${t}`), b.dh, `dL/dh_${t}`);
        expectClose(await wireValues(page, `dout-${t}`), b.dhFromOutput, `dL/dh_${t} from the output`);
        expectClose(await wireValues(page, `dfut-${t}`), b.dhFromFuture, `dL/dh_${t} from the future`);
        expectClose(await wireValues(page, `dx-${t}`), b.dx, `dL/dx_${t}`);
      }
      // The matrices follow the picture a moment later (a deferred render): wait for them to catch up.
      const want = (gradients.weight_hh_l0 as number[][]).flat();
      const sums = page.getByRole('cell', { name: /^running sum of ∂L\/∂weight_hh_l0/ });
      const read = () => sums.evaluateAll((cells) => cells.map((c) => Number(c.getAttribute('aria-label')!.split(' = ')[1])));
      await expect.poll(async () => (await read()).every((v, k) => Math.abs(v - want[k]) <= 1e-4 * Math.abs(want[k]) + 1e-6)).toBe(true);
      expectClose(await read(), want, 'running sum of dL/dW_hh');
    }

    await click(page, 'Check this gradient');
    const result = page.getByTestId('gradient-check');
    await result.waitFor();
    const read = async (id: string) => Number(await result.getByTestId(id).getAttribute('data-value'));
    const [analytic, numeric, relative] = [await read('check-analytic'), await read('check-numeric'), await read('check-relative')];
    expect(relative).toBeLessThan(1e-3);
    expect(Math.abs(analytic - numeric) / Math.abs(numeric)).toBeLessThan(1e-3);
    const node = await checkGradientEntry(stepperOptions({ ...setup, kind }), 'weight_hh_l0');
    expectClose([analytic, numeric], [node.analytic, node.numeric], 'gradient check against Node');
    // Through to the end of BPTT: every step's equations typeset.
    for (let k = 0; k < T; k++) await click(page, 'Step forward');
    await expect.poll(() => page.getByTestId('bptt-equations').getAttribute('aria-label')).toBe('Equations of BPTT step 0');
    await finish(page, errors, `steppers-bptt-${kind}`);
  });

  it('cuts the gradient under truncation and still passes the check', async () => {
    const { page, errors } = await openPage(browser, '/figures/BpttStepper');
    await widgetsReady(page);
    await page.getByLabel('truncate every k steps').focus();
    await page.keyboard.press('ArrowRight');
    await page.keyboard.press('ArrowRight');
    await widgetsReady(page);
    for (let k = 0; k < 5; k++) await click(page, 'Step forward');
    const recorder = await createStepperRecorder({ ...setup, truncation: 2 });
    recorder.seek(recorder.maxPosition);
    const { backward } = recorder.snapshot();
    expect(await page.locator('.wire-line.cut').count()).toBeGreaterThan(0);
    for (let t = 0; t < 5; t++) expectClose(await wireValues(page, `dh-${t}`), backward[t]?.dh, `truncated dL/dh_${t}`);
    await click(page, 'Check this gradient');
    await page.getByTestId('gradient-check').waitFor();
    expect(Number(await page.getByTestId('check-relative').getAttribute('data-value'))).toBeLessThan(1e-3);
    await finish(page, errors, 'steppers-bptt-truncated');
  });
});

describe('worked example', () => {
  const SHOWN = ['0.537050', '0.462117', '1.561284', '0.859738', '0.883666', '2.727071'];
  const live = (page: Page) => page.locator('[data-testid^="live-"]').allTextContents();

  it('reproduces the notes’ numbers, follows edits and keeps the last good values', async () => {
    const { page, errors } = await openPage(browser, '/figures/WorkedExample');
    expect(await backendOf(page)).toBe('webgpu');
    await widgetsReady(page);
    await click(page, 'Step forward');
    expect((await live(page)).slice(0, 3)).toEqual(SHOWN.slice(0, 3));
    await click(page, 'Step forward');
    expect(await live(page)).toEqual(SHOWN);
    expect(await page.locator('.notes-table .agree').count()).toBe(6);
    await page.screenshot({ path: `${ARTIFACTS}/steppers-worked-example.png`, fullPage: true });
    await click(page, 'Step backward');
    expect((await live(page)).slice(3)).toEqual(['—', '—', '—']);
    await click(page, 'Step backward');
    expect(await live(page)).toEqual(['—', '—', '—', '—', '—', '—']);

    // An entry that is not a number: a message, and the figure keeps computing with the last good values.
    const w00 = page.getByLabel('W[0, 0]');
    await w00.fill('');
    await expect.poll(() => page.getByRole('alert').textContent()).toContain('not a number');
    await click(page, 'Step forward');
    await click(page, 'Step forward');
    expect(await live(page)).toEqual(SHOWN);

    // A good entry: the figure recomputes and stays at the step the reader had reached.
    await w00.fill('0.2');
    await expect.poll(() => live(page)).not.toEqual(SHOWN);
    await widgetsReady(page);
    const edited = computeWorkedExampleReference({ ...WORKED_EXAMPLE, cellWeight: [[0.2, 0.2], ...WORKED_EXAMPLE.cellWeight.slice(1)] });
    const values = (await live(page)).map((text) => Number(text.replace('−', '-')));
    expectClose(values, [edited.states[0][0], edited.states[0][1], edited.outputs[0][0], edited.states[1][0], edited.states[1][1], edited.outputs[1][0]], 'edited example', 1e-5);
    expect(await page.locator('.notes-table .agree').count()).toBeLessThan(6);

    // Edits survive a reload; Reset brings back the notes' weights.
    await page.reload();
    await widgetsReady(page);
    expect(await page.getByLabel('W[0, 0]').inputValue()).toBe('0.2');
    await click(page, 'Reset weights');
    await click(page, 'Step forward');
    await click(page, 'Step forward');
    await expect.poll(() => live(page)).toEqual(SHOWN);
    expect(await page.getByLabel('W[0, 0]').inputValue()).toBe('0.1');
    await finish(page, errors, 'steppers-worked-example-after-edit');
  });
});

describe('stepping speed and looks', () => {
  it('updates within a frame at hidden size 64 on the CPU backend (measured, not asserted)', async () => {
    const { page, errors } = await openPage(browser, '/figures/CellStepper?backend=cpu&hiddenSize=64&kind=LSTM');
    expect(await backendOf(page)).toBe('cpu');
    await widgetsReady(page);
    const times = await page.evaluate(async () => {
      const button = document.querySelector<HTMLButtonElement>('button[aria-label="Step forward"]')!;
      const position = document.querySelector('.stepper-position')!;
      const results: { dom: number; frame: number }[] = [];
      for (let k = 0; k < 4; k++) {
        const before = position.textContent;
        const changed = new Promise<number>((resolve) => {
          const observer = new MutationObserver(() => {
            if (position.textContent !== before) {
              observer.disconnect();
              resolve(performance.now());
            }
          });
          observer.observe(position, { childList: true, characterData: true, subtree: true });
        });
        const start = performance.now();
        button.click();
        const dom = (await changed) - start;
        const frame = await new Promise<number>((resolve) => requestAnimationFrame(() => resolve(performance.now() - start)));
        results.push({ dom, frame });
        await new Promise((resolve) => setTimeout(resolve, 50));
      }
      return results;
    });
    console.log(`CellStepper LSTM, hidden 64, CPU: click → DOM updated / next frame (ms): ${times.map((t) => `${t.dom.toFixed(1)} / ${t.frame.toFixed(1)}`).join(', ')}`);
    expect(times).toHaveLength(4);
    expect(errors).toEqual([]);
    await page.screenshot({ path: `${ARTIFACTS}/steppers-cell-hidden64.png`, fullPage: true });
    await page.context().close();
  });

  it('is readable in dark mode and at phone width', async () => {
    const { page, errors } = await openPage(browser, '/figures/BpttStepper?kind=LSTM', { width: 375, height: 800 });
    await widgetsReady(page);
    await page.getByRole('button', { name: /theme|dark/i }).click();
    for (let k = 0; k < 2; k++) await click(page, 'Step forward');
    expect(await page.evaluate(() => document.documentElement.scrollWidth)).toBeLessThanOrEqual(375);
    await finish(page, errors, 'steppers-bptt-lstm-dark-phone');
  });
});
