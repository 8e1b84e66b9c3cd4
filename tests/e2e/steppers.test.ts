/**
 * The three steppers in a real browser on WebGPU: every value a wire shows equals what the engine computes
 * in Node for the same seed, stepping forward and back; the worked example shows the notes' numbers; the
 * BPTT gradient check agrees with its finite difference; no console errors; axe finds nothing serious.
 */
import type { Page } from 'playwright-core';
import { describe, expect, it } from 'vitest';
import { checkGradientEntry } from '../../src/core/figures/finiteDifference';
import { createStepperRecorder, stepperOptions, type StepperSetup } from '../../src/core/figures/stepperSetup';
import type { UnrollSnapshot } from '../../src/core/unroll/unroll';
import { computeWorkedExampleReference, WORKED_EXAMPLE } from '../../src/core/figures/workedExample';
import { ARTIFACTS, backendOf, longNumbers, openPage, seriousViolations, useBrowser, widgetsReady } from './browser';

const browser = useBrowser();

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

/** A wire's accessible name: its printed label, its name in words, shape and values. */
const wireName = async (page: Page, id: string) => (await page.locator(`[data-wire="${id}"]`).getAttribute('aria-label')) ?? '';
/** The stepper bar's position text. */
const positionText = (page: Page) => page.locator('.stepper-position').textContent();
/** The step numbers printed under the unrolled picture's columns. */
const stepLabels = (page: Page) => page.locator('svg text.wire-label').evaluateAll((texts) => texts.map((t) => t.textContent ?? '').filter((t) => t.startsWith('t = ')));

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
    const { page, errors } = await openPage(browser(), `/figures/CellStepper?kind=${kind}`);
    expect(await backendOf(page)).toBe('webgpu');
    await widgetsReady(page);
    // Steps count from 1 as in the chapters and PyTorch's docs: h₀ (and c₀) go in, h_t comes out of step t.
    expect(await stepLabels(page)).toEqual(['t = 1', 't = 2', 't = 3', 't = 4']);
    expect(await positionText(page)).toBe('before step 1 (4 steps)');
    expect(await wireName(page, 'h-init')).toMatch(/^h₀: h_0, the initial hidden state before step 1 \(PyTorch’s h_0 argument\), shape \[3\]: /);
    if (kind === 'LSTM') expect(await wireName(page, 'c-init')).toMatch(/^c₀: c_0, the initial cell state before step 1 \(PyTorch’s c_0 argument\), shape \[3\]: /);
    expect(await wireName(page, 'x-0')).toMatch(/^x₁: x_1, the input at step 1, shape \[2\]: /);
    expect(await wireName(page, 'h-3')).toBe('h₄: h_4, the hidden state after step 4 (output[3]), shape [3]: not computed yet');
    for (const move of ['Step forward', 'Step forward', 'Step forward', 'Step backward', 'Step backward', 'Step backward']) {
      await click(page, move);
      recorder.seek(move === 'Step forward' ? recorder.position + 1 : recorder.position - 1);
      await checkForward(page, recorder.snapshot(), kind);
      const at = recorder.position;
      expect(await positionText(page)).toBe(at === 0 ? 'before step 1 (4 steps)' : `step t = ${at} computed (${at} of 4)`);
    }
    await click(page, 'Step forward');
    expect(await wireName(page, 'h-0')).toMatch(/^h₁: h_1, the hidden state after step 1 \(output\[0\]\), shape \[3\]: -?\d/);
    if (kind === 'LSTM') expect(await wireName(page, 'c-0')).toMatch(/^c₁: c_1, the cell state after step 1, shape \[3\]: -?\d/);
    await expect.poll(() => page.getByTestId('cell-equations').getAttribute('aria-label')).toBe('Equations of step 1 with its numbers');
    await expect.poll(() => page.getByRole('group', { name: 'hidden state after step 1 (PyTorch’s output[0])' }).count()).toBe(1);
    await click(page, 'Reset');
    recorder.seek(0);
    // ← / → step while anything in the widget has focus.
    await page.getByRole('button', { name: 'Reset', exact: true }).focus();
    await page.keyboard.press('ArrowRight');
    await page.keyboard.press('ArrowRight');
    recorder.seek(2);
    await checkForward(page, recorder.snapshot(), kind);
    await expect.poll(() => page.getByTestId('cell-equations').locator('[title]').count()).toBeGreaterThan(4);
    expect(await longNumbers(page)).toEqual([]);
    await finish(page, errors, `steppers-cell-${kind}`);
  });
});

describe('bptt stepper', () => {
  const setup: StepperSetup = { kind: 'RNN', inputSize: 2, hiddenSize: 3, seqLength: 5, seed: 0, withLoss: true };

  it.each(['RNN', 'LSTM', 'GRU'] as const)('%s: shows the engine’s gradients stepping back and forth, and its gradient check agrees', async (kind) => {
    const recorder = await createStepperRecorder({ ...setup, kind });
    const T = recorder.length;
    const { page, errors } = await openPage(browser(), `/figures/BpttStepper?kind=${kind}`);
    expect(await backendOf(page)).toBe('webgpu');
    await widgetsReady(page);
    // Steps count from 1: BPTT starts at the last step, t = T, and ends at h₀.
    expect(await stepLabels(page)).toEqual(['t = 1', 't = 2', 't = 3', 't = 4', 't = 5']);
    expect(await positionText(page)).toBe(`forward pass done; BPTT starts at t = ${T}`);
    expect(await wireName(page, 'dh-init')).toMatch(/^∂h₀: ∂L\/∂h_0, the gradient reaching the initial hidden state \(PyTorch’s h_0 argument\), shape \[3\]: not computed yet$/);
    expect(await wireName(page, 'dfut-3')).toMatch(/^∂h₄ fut: ∂L\/∂h_4 arriving from step 5, shape \[3\]: /);
    expect(await wireName(page, 'dfut-4')).toMatch(/^∂h₅ fut: ∂L\/∂h_5 arriving beyond the last step \(always zero\), shape \[3\]: /);
    let position = T;
    for (const move of ['Step forward', 'Step forward', 'Step forward', 'Step backward', 'Step backward', 'Step backward']) {
      await click(page, move);
      position += move === 'Step forward' ? 1 : -1;
      recorder.seek(position);
      const back = position - T;
      expect(await positionText(page)).toBe(back === 0 ? `forward pass done; BPTT starts at t = ${T}` : `BPTT at t = ${T - back + 1} (${back} of ${T} steps back)`);
      if (back > 0) {
        await expect.poll(() => page.getByTestId('bptt-equations').getAttribute('aria-label')).toBe(`Equations of BPTT step ${T - back + 1}`);
        await expect.poll(() => page.locator('.gradient-panel figcaption').first().textContent()).toMatch(new RegExp(`^step ${T - back + 1}’s contribution \\(`));
      }
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
      const sums = page.getByRole('cell', { name: /^running sum of ∂L\/∂W_hh/ });
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
    await expect.poll(() => page.getByTestId('bptt-equations').getAttribute('aria-label')).toBe('Equations of BPTT step 1');
    expect(await positionText(page)).toBe(`BPTT at t = 1 (${T} of ${T} steps back)`);
    expect(await wireName(page, 'dh-init')).toMatch(/^∂h₀: ∂L\/∂h_0, the gradient reaching the initial hidden state \(PyTorch’s h_0 argument\), shape \[3\]: -?\d/);
    // The per-step norms are numbered 1 … T like the picture.
    const norms = (await page.locator('figure.chart', { hasText: '‖∂L/∂h_t‖ per time step' }).getAttribute('aria-label')) ?? '';
    expect(norms).toMatch(/: t 1: [\d.e-]+, t 2: .*, t 5: [\d.e-]+$/);
    expect(norms).not.toContain('t 0:');
    await finish(page, errors, `steppers-bptt-${kind}`);
  });

  it('cuts the gradient under truncation and still passes the check', async () => {
    const { page, errors } = await openPage(browser(), '/figures/BpttStepper');
    await widgetsReady(page);
    await page.getByLabel('truncate every τ steps').focus();
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
    const { page, errors } = await openPage(browser(), '/figures/WorkedExample');
    expect(await backendOf(page)).toBe('webgpu');
    await widgetsReady(page);
    // The notes count steps from 1: h₀ goes in, step 1 gives h₁ and o₁, step 2 gives h₂ and o₂.
    expect(await page.locator('.notes-table tbody th').allTextContents()).toEqual(['h₁[0]', 'h₁[1]', 'o₁', 'h₂[0]', 'h₂[1]', 'o₂']);
    expect(await stepLabels(page)).toEqual(['t = 1', 't = 2']);
    expect(await positionText(page)).toBe('before step 1 (2 steps)');
    expect(await wireName(page, 'h-init')).toBe('h₀: h_0, the initial hidden state before step 1 (PyTorch’s h_0 argument), shape [2]: 0, 0');
    expect(await page.getByLabel('h₀[0, 0]').inputValue()).toBe('0');
    await click(page, 'Step forward');
    expect((await live(page)).slice(0, 3)).toEqual(SHOWN.slice(0, 3));
    expect(await positionText(page)).toBe('step 1 computed (1 of 2)');
    expect(await page.getByRole('group', { name: 'state after step 1', exact: true }).count()).toBe(1);
    expect(await wireName(page, 'h-0')).toMatch(/^h₁: h_1, the hidden state after step 1 \(PyTorch’s output\[0\]\), shape \[2\]: 0\.5370/);
    expect(await wireName(page, 'o-0')).toMatch(/^o₁: o_1 = h_1·W_o \+ b_o, the output at step 1, shape \[1\]: 1\.5612/);
    await click(page, 'Step forward');
    expect(await live(page)).toEqual(SHOWN);
    expect(await page.locator('.notes-table .agree').count()).toBe(6);
    expect(await positionText(page)).toBe('step 2 computed (2 of 2)');
    expect(await page.getByRole('group', { name: 'output at step 2', exact: true }).count()).toBe(1);
    expect(await wireName(page, 'h-1')).toMatch(/^h₂: h_2, the hidden state after step 2 \(PyTorch’s output\[1\]\), shape \[2\]: 0\.8597.*, 0\.8836/);
    expect(await wireName(page, 'o-1')).toMatch(/^o₂: .*shape \[1\]: 2\.7270/);
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

    // Edits and the step reached survive a reload (they are in the address, written at most every 200 ms);
    // Reset brings back the notes' weights.
    await expect.poll(() => new URL(page.url()).searchParams.get('step')).toBe('2');
    await page.reload();
    await widgetsReady(page);
    expect(await page.getByLabel('W[0, 0]').inputValue()).toBe('0.2');
    expect(await positionText(page)).toBe('step 2 computed (2 of 2)');
    await click(page, 'Reset weights');
    await expect.poll(() => live(page)).toEqual(SHOWN);
    expect(await page.getByLabel('W[0, 0]').inputValue()).toBe('0.1');
    await finish(page, errors, 'steppers-worked-example-after-edit');
  });
});

describe('stepping speed and looks', () => {
  it('updates the printed numbers within a frame at hidden size 64 on the CPU backend', async () => {
    const { page, errors } = await openPage(browser(), '/figures/CellStepper?backend=cpu&hiddenSize=64&kind=LSTM');
    expect(await backendOf(page)).toBe('cpu');
    await widgetsReady(page);
    const times = await page.evaluate(async () => {
      const button = document.querySelector<HTMLButtonElement>('button[aria-label="Step forward"]')!;
      // The readout under the picture follows the active step's h: its printed numbers are what must keep up.
      const position = document.querySelector('.unrolled-readout')!;
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
    // The numbers changed in the DOM before the next frame was drawn.
    for (const { dom, frame } of times) expect(dom).toBeLessThanOrEqual(frame);
    expect(await page.locator('.unrolled-readout .readout-value').count()).toBe(64);
    expect(await longNumbers(page)).toEqual([]);
    expect(errors).toEqual([]);
    await page.screenshot({ path: `${ARTIFACTS}/steppers-cell-hidden64.png`, fullPage: true });
    await page.context().close();
  });

  it('is readable in dark mode and at phone width', async () => {
    const { page, errors } = await openPage(browser(), '/figures/BpttStepper?kind=LSTM', { width: 375, height: 800 });
    await widgetsReady(page);
    await page.getByRole('button', { name: /theme|dark/i }).click();
    for (let k = 0; k < 2; k++) await click(page, 'Step forward');
    expect(await page.evaluate(() => document.documentElement.scrollWidth)).toBeLessThanOrEqual(375);
    await finish(page, errors, 'steppers-bptt-lstm-dark-phone');
  });
});
