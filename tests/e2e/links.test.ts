/**
 * Links that reproduce a figure, in a real browser: a figure's "Copy link" opened in a fresh context (no
 * stored settings) shows the same settings, the same step and the same numbers; the address follows a
 * slider without adding history entries, so Back leaves the page; garbage in the URL opens the figure
 * with its defaults and no console error; without a clipboard the link shows in a field to copy.
 */
import type { Locator, Page } from 'playwright-core';
import { describe, expect, inject, it } from 'vitest';
import { backendOf, openPage, useBrowser, widgetsReady } from './browser';

const browser = useBrowser();

/** A page whose context may write and read the clipboard. */
const withClipboard = (page: Page) => page.context().grantPermissions(['clipboard-read', 'clipboard-write'], { origin: inject('baseUrl') });

/** Sets a labelled slider at once (one recomputation, not one per arrow press). */
const setSlider = (frame: Locator, label: string, value: number) => frame.getByLabel(label, { exact: true }).fill(String(value));

/** Moves a labelled slider by `presses` arrow-key presses, as a reader's keyboard would. */
async function nudge(frame: Locator, label: string, presses: number) {
  const slider = frame.getByLabel(label, { exact: true });
  await slider.focus();
  for (let k = 0; k < Math.abs(presses); k++) await slider.press(presses > 0 ? 'ArrowRight' : 'ArrowLeft');
}

/** Clicks the frame's "Copy link" and returns what reached the clipboard. */
async function copyLink(page: Page, frame: Locator): Promise<string> {
  await frame.getByRole('button', { name: 'Copy link' }).click();
  await expect.poll(() => frame.getByRole('status').filter({ hasText: 'Link copied' }).count()).toBe(1);
  return page.evaluate(() => navigator.clipboard.readText());
}

/** Opens `link` in a fresh context (no stored settings, unless `prepare` stores some) and waits for its figures. */
async function openFresh(link: string, prepare?: (page: Page) => Promise<unknown>) {
  const url = new URL(link);
  // The backend is the test's choice (the CPU is quickest here), not part of a figure's state.
  url.searchParams.set('backend', 'cpu');
  const opened = await openPage(browser(), url.pathname + url.search + url.hash, undefined, prepare);
  await widgetsReady(opened.page);
  return opened;
}

/** Everything a figure shows as numbers and words: its sliders' values and its text. */
const readout = (frame: Locator) =>
  frame.evaluate((element) => ({
    sliders: [...element.querySelectorAll('input[type=range]')].map((input) => (input as HTMLInputElement).value),
    exact: [...element.querySelectorAll('[data-full]')].map((span) => span.getAttribute('data-full')),
    text: (element.querySelector('.widget-body') as HTMLElement).innerText,
  }));

describe('links that reproduce a figure', () => {
  it('a stepper in a chapter: its settings and step in the address, the link lands on it with the same numbers, Back leaves the page', async () => {
    const { page, errors } = await openPage(browser(), '/?backend=cpu', undefined, withClipboard);
    // The engine starts with the home page's figure, on the CPU as the address asks; it stays there after the move.
    await page.locator('.widget').first().waitFor();
    await widgetsReady(page);
    await page.getByRole('link', { name: /forward pass/i }).first().click();
    await page.waitForURL(/\/chapters\/02-forward-pass/);
    await page.locator('#figure-CellStepper').waitFor();
    await widgetsReady(page);
    expect(await backendOf(page)).toBe('cpu');
    const entries = await page.evaluate(() => history.length);
    const frame = page.locator('#figure-CellStepper');

    await nudge(frame, 'sequence length', 2);
    await nudge(frame, 'seed', 3);
    await widgetsReady(page);
    for (let k = 0; k < 3; k++) await frame.getByRole('button', { name: 'Step forward', exact: true }).click();
    await expect.poll(() => new URL(page.url()).searchParams.get('CellStepper.step')).toBe('3');
    const params = new URL(page.url()).searchParams;
    expect(params.get('CellStepper.seqLength')).toBe('6');
    expect(params.get('CellStepper.seed')).toBe('3');
    // A slider's every move and every step replaced the entry: no new history entries.
    expect(await page.evaluate(() => history.length)).toBe(entries);

    // The worked example's edited weight and step go into the address too; the stepper's link keeps them.
    const worked = page.locator('#figure-WorkedExample');
    await worked.getByTestId('edit-cellWeight-0-0').fill('0.7');
    await widgetsReady(page);
    await worked.getByRole('button', { name: 'Step forward', exact: true }).click();
    await expect.poll(() => new URL(page.url()).searchParams.get('WorkedExample.weights')).toContain('0.7');
    const workedShown = await readout(worked);

    const link = await copyLink(page, frame);
    expect(new URL(link).hash).toBe('#figure-CellStepper');
    const shown = await readout(frame);
    expect(shown.exact.length).toBeGreaterThan(0);

    const fresh = await openFresh(link);
    const freshFrame = fresh.page.locator('#figure-CellStepper');
    await expect.poll(() => readout(freshFrame), { timeout: 30_000 }).toEqual(shown);
    await expect.poll(() => readout(fresh.page.locator('#figure-WorkedExample')), { timeout: 30_000 }).toEqual(workedShown);
    expect(await freshFrame.evaluate((element) => element.getBoundingClientRect().top < innerHeight)).toBe(true);
    expect(fresh.errors).toEqual([]);
    await fresh.page.context().close();

    // Back leaves the chapter for the contents, as it would without the figure; Forward (a fresh render of
    // the chapter, as after a reload) brings the figure back as it was, at the same step.
    await page.goBack();
    await page.waitForURL((url) => url.pathname === '/');
    await page.goForward();
    await widgetsReady(page);
    await expect.poll(() => readout(page.locator('#figure-CellStepper')), { timeout: 30_000 }).toEqual(shown);
    expect(errors).toEqual([]);
    await page.context().close();
  });

  it('a chart figure on its own page: plain names, same numbers in a fresh context, over settings stored there', async () => {
    const { page, errors } = await openPage(browser(), '/figures/GradientFlow?backend=cpu', undefined, withClipboard);
    await widgetsReady(page);
    const frame = page.locator('.widget');
    await setSlider(frame, 'Sequence length T', 35);
    await setSlider(frame, 'Clipping threshold θ', 1.4);
    await widgetsReady(page);
    await expect.poll(() => new URL(page.url()).searchParams.get('steps')).toBe('35');
    const link = await copyLink(page, frame);
    expect(new URL(link).hash).toBe('');
    const shown = await readout(frame);
    expect(shown.text).toContain('After 34 steps back');

    // The reader who opens the link has stored other settings for this figure: the link's win.
    const stored = JSON.stringify({ matrix: 'nonNormal', radius: 1.2, steps: 12, clipNorm: 3 });
    const fresh = await openFresh(link, (p) => p.addInitScript((value) => localStorage.setItem('unrolled.gradient-flow', value), stored));
    await expect.poll(() => readout(fresh.page.locator('.widget')), { timeout: 30_000 }).toEqual(shown);
    expect([...errors, ...fresh.errors]).toEqual([]);
    await fresh.page.context().close();
    await page.context().close();
  });

  it('the sequence playground carries its settings (not a trained model) in its link', async () => {
    const { page, errors } = await openPage(browser(), '/figures/SequencePlayground?backend=cpu&hiddenSize=16', undefined, withClipboard);
    await widgetsReady(page);
    const frame = page.locator('.widget');
    await frame.getByRole('radio', { name: 'GRU' }).check();
    await nudge(frame, 'Clipping θ (0: off)', 2);
    const link = await copyLink(page, frame);
    const params = new URL(link).searchParams;
    expect(params.get('cell')).toBe('gru');
    expect(params.get('hiddenSize')).toBe('16');
    const shown = await readout(frame);

    const fresh = await openFresh(link);
    await expect.poll(() => readout(fresh.page.locator('.widget')), { timeout: 30_000 }).toEqual(shown);
    expect(await fresh.page.locator('.widget').getByRole('radio', { name: 'GRU' }).isChecked()).toBe(true);
    expect([...errors, ...fresh.errors]).toEqual([]);
    await fresh.page.context().close();
    await page.context().close();
  });

  it('garbage in the address opens each figure with its defaults (or clamped), with no console error', async () => {
    // Chapter 2's cell stepper by default: hidden size 3, sequence length 4, seed 0, before its first step.
    const defaults = { sliders: ['3', '4', '0'], position: 'before step 1 (4 steps)' };
    const settingsOf = async (frame: Locator) => ({ sliders: (await readout(frame)).sliders, position: (await frame.locator('.stepper-position').textContent())?.trim() });
    const garbage = '?backend=cpu&CellStepper.hiddenSize=abc&CellStepper.seqLength=&CellStepper.seed=1e999&CellStepper.step=-4&CellStepper-7.seed=3&WorkedExample.step=x%20y&WorkedExample.weights=%7B%22W_xh%22%3A1%7D&HelloTrainer.weights=%7B&nonsense=%3Cscript%3E';
    const { page, errors } = await openPage(browser(), `/chapters/02-forward-pass${garbage}`);
    await widgetsReady(page);
    expect(await settingsOf(page.locator('#figure-CellStepper'))).toEqual(defaults);

    await page.goto(`${inject('baseUrl')}/chapters/02-forward-pass?backend=cpu&CellStepper.seqLength=999&CellStepper.step=999`);
    await widgetsReady(page);
    const frame = page.locator('#figure-CellStepper');
    expect(await settingsOf(frame)).toEqual({ sliders: ['3', '10', '0'], position: 'step t = 10 computed (10 of 10)' });
    // The step is clamped to the last one: nothing further to step to.
    expect(await frame.getByRole('button', { name: 'Step forward', exact: true }).isDisabled()).toBe(true);
    expect(errors).toEqual([]);
    await page.context().close();
  });

  it('without a clipboard the link shows in a selected field, and the status says so', async () => {
    const { page, errors } = await openPage(browser(), '/figures/GradientFlow?backend=cpu', { width: 375, height: 800 }, (p) =>
      p.addInitScript(() => Object.defineProperty(navigator, 'clipboard', { value: undefined })),
    );
    await widgetsReady(page);
    await page.getByRole('button', { name: 'Copy link' }).click();
    const field = page.getByRole('textbox', { name: 'Link to this figure' });
    await expect.poll(() => field.inputValue()).toContain('/figures/GradientFlow');
    expect(await page.getByRole('status').filter({ hasText: 'Copy this link' }).count()).toBe(1);
    expect(await field.evaluate((input: HTMLInputElement) => input.selectionEnd! - input.selectionStart! === input.value.length)).toBe(true);
    // It fits a phone's width.
    expect(await field.evaluate((input) => input.getBoundingClientRect().right <= innerWidth)).toBe(true);
    expect(errors).toEqual([]);
    await page.context().close();
  });
});
