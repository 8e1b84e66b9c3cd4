/**
 * The steppers as explainers, in a real browser: pointing at an equation term lights its wire (and back),
 * with the same numbers in both; a step's motion starts after its numbers are drawn and never runs under
 * reduced motion; a long, wide unroll stays readable and keeps its active step in view; light, dark and
 * phone width pass axe, with screenshots to look at.
 */
import type { Page } from 'playwright-core';
import { describe, expect, it } from 'vitest';
import { ARTIFACTS, openPage, seriousViolations, useBrowser, widgetsReady } from './browser';

const browser = useBrowser();

const click = (page: Page, name: string) => page.getByRole('button', { name, exact: true }).click();
const stepForward = async (page: Page, times: number) => {
  for (let k = 0; k < times; k++) await click(page, 'Step forward');
};

/** Full-precision values of a wire, from its accessible name. */
async function wireValues(page: Page, id: string): Promise<number[]> {
  const label = (await page.locator(`[data-wire="${id}"]`).getAttribute('aria-label')) ?? '';
  return label.slice(label.lastIndexOf(': ') + 2).split(', ').map(Number);
}
/** The full values of the first row of numbers an equation marks as `term`. */
const termNumbers = (page: Page, testId: string, term: string) =>
  page.getByTestId(testId).locator(`[data-term~="${term}"]:has([data-full])`).first().locator('[data-full]').evaluateAll((spans) => spans.map((s) => Number(s.getAttribute('data-full'))));
/** Points at the first glyph of the first `term` in an equation panel, as a reader's pointer would. */
const hoverTerm = (page: Page, testId: string, term: string, withNumbers = false) =>
  page.getByTestId(testId).locator(`[data-term~="${term}"]${withNumbers ? ':has([data-full])' : ''}`).first().locator('.mord:not(:has(span))').first().hover();
const wireIsLit = (page: Page, id: string) => page.locator(`[data-wire="${id}"]`).evaluate((g) => g.classList.contains('lit'));
const litTerms = (page: Page, testId: string) =>
  page.getByTestId(testId).locator('.term-lit').evaluateAll((spans) => [...new Set(spans.map((s) => s.getAttribute('data-term')))]);

describe('linked highlights', () => {
  it('cell stepper: an equation term lights its wire with the same numbers, a wire lights its term, by pointer and keyboard', async () => {
    const { page, errors } = await openPage(browser(), '/figures/CellStepper');
    await widgetsReady(page);
    await stepForward(page, 2);
    await expect.poll(() => page.getByTestId('cell-equations').getAttribute('aria-label')).toBe('Equations of step 2 with its numbers');

    // h_{t−1} in the equation → the state wire entering step 2 (h₁), numbers equal.
    await hoverTerm(page, 'cell-equations', 'h_prev');
    expect(await wireIsLit(page, 'h-link-0')).toBe(true);
    expect(await wireIsLit(page, 'h-0')).toBe(true);
    expect(await wireIsLit(page, 'x-1')).toBe(false);
    expect(await termNumbers(page, 'cell-equations', 'h_prev')).toEqual(await wireValues(page, 'h-link-0'));
    // W_hh lights the recurrent wire too.
    await hoverTerm(page, 'cell-equations', 'W_hh');
    expect(await wireIsLit(page, 'h-link-0')).toBe(true);
    expect(await wireIsLit(page, 'h-0')).toBe(false);

    // The other way: a wire → its term in the equations.
    await page.locator('[data-wire="x-1"]').hover();
    expect(await litTerms(page, 'cell-equations')).toContain('x');
    expect(await termNumbers(page, 'cell-equations', 'x')).toEqual(await wireValues(page, 'x-1'));
    await page.mouse.move(0, 0);
    expect(await litTerms(page, 'cell-equations')).toEqual([]);

    // Keyboard: ↓ from x₂ focuses the pre-activation a inside the cell, with a visible ring, and lights a_2.
    await page.locator('[data-wire="x-1"]').focus();
    await page.keyboard.press('ArrowDown');
    const focused = await page.evaluate(() => {
      const element = document.activeElement as SVGGElement;
      const frame = element.querySelector('.chip-frame')!;
      return { wire: element.dataset.wire, visible: element.matches(':focus-visible'), stroke: getComputedStyle(frame).stroke, width: getComputedStyle(frame).strokeWidth };
    });
    expect(focused.wire).toBe('a-1');
    expect(focused.visible).toBe(true);
    expect(focused.stroke).not.toBe('none');
    expect(parseFloat(focused.width)).toBeGreaterThanOrEqual(2);
    expect(await litTerms(page, 'cell-equations')).toContain('a');
    expect(await termNumbers(page, 'cell-equations', 'a')).toEqual(await wireValues(page, 'a-1'));
    expect(errors).toEqual([]);
    await page.context().close();
  });

  it('BPTT stepper: the two sources of ∂L/∂h_t and the weight gradient light where they are shown', async () => {
    const { page, errors } = await openPage(browser(), '/figures/BpttStepper');
    await widgetsReady(page);
    await stepForward(page, 2);
    await expect.poll(() => page.getByTestId('bptt-equations').getAttribute('aria-label')).toBe('Equations of BPTT step 4');
    for (const [term, wire] of [['dout', 'dout-3'], ['dfut', 'dfut-3'], ['dh', 'dh-3'], ['dh_prev', 'dfut-2']]) {
      await hoverTerm(page, 'bptt-equations', term, true);
      expect(await wireIsLit(page, wire), `${term} lights ${wire}`).toBe(true);
      expect(await termNumbers(page, 'bptt-equations', term), `${term} numbers`).toEqual(await wireValues(page, wire));
    }
    await hoverTerm(page, 'bptt-equations', 'dW_hh');
    expect(await page.locator('.term-box[data-term="dW_hh"]').evaluate((box) => box.classList.contains('term-lit'))).toBe(true);
    await page.locator('[data-wire="dout-3"]').hover();
    expect(await litTerms(page, 'bptt-equations')).toContain('dout');
    // The gradient check names the parameter as the equations do.
    expect(await page.locator('.gradient-check').textContent()).toContain('Entry of W_hh');
    expect(await page.locator('.gradient-panel').textContent()).not.toMatch(/weight_|bias_|linear\./);
    expect(errors).toEqual([]);
    await page.context().close();
  });

  it('worked example: W in the equation lights the group of weights the reader edits', async () => {
    const { page, errors } = await openPage(browser(), '/figures/WorkedExample');
    await widgetsReady(page);
    await stepForward(page, 1);
    await hoverTerm(page, 'example-equations', 'W');
    expect(await page.locator('.term-box[data-term="W"]').evaluate((box) => box.classList.contains('term-lit'))).toBe(true);
    await page.locator('[data-wire="a-0"]').hover();
    expect(await termNumbers(page, 'example-equations', 'a')).toEqual(await wireValues(page, 'a-0'));
    expect(errors).toEqual([]);
    await page.context().close();
  });
});

/** Animations running on the unrolled picture (and the whole document). */
const runningAnimations = (page: Page) =>
  page.evaluate(() => ({
    picture: document.querySelector('.unrolled svg')!.getAnimations({ subtree: true }).length,
    document: document.getAnimations().filter((a) => a.playState === 'running').length,
  }));

describe('motion', () => {
  it('under reduced motion: no animation, the numbers at once', async () => {
    const { page, errors } = await openPage(browser(), '/figures/CellStepper?kind=LSTM');
    await widgetsReady(page);
    await click(page, 'Step forward');
    expect((await wireValues(page, 'h-0')).every(Number.isFinite)).toBe(true);
    await page.evaluate(() => new Promise((resolve) => requestAnimationFrame(() => requestAnimationFrame(resolve))));
    expect(await runningAnimations(page)).toEqual({ picture: 0, document: 0 });
    expect(await page.locator('.unrolled .motion > *').count()).toBe(0);
    expect(errors).toEqual([]);
    await page.context().close();
  });

  it('without it: the numbers change at the click, the motion starts a frame later, and the next click cuts it short', async () => {
    for (const [path, moves] of [['/figures/CellStepper?kind=LSTM&hiddenSize=64', 1], ['/figures/BpttStepper?kind=LSTM', 1]] as const) {
      const { page, errors } = await openPage(browser(), path);
      await page.emulateMedia({ reducedMotion: 'no-preference' });
      await widgetsReady(page);
      await stepForward(page, moves - 1);
      const timing = await page.evaluate(async () => {
        const button = document.querySelector<HTMLButtonElement>('button[aria-label="Step forward"]')!;
        const readout = document.querySelector('.unrolled-readout')!;
        const svg = document.querySelector('.unrolled svg')!;
        const before = readout.textContent;
        const changed = new Promise<number>((resolve) => {
          const observer = new MutationObserver(() => {
            if (readout.textContent !== before) {
              observer.disconnect();
              resolve(performance.now());
            }
          });
          observer.observe(readout, { childList: true, characterData: true, subtree: true });
        });
        const start = performance.now();
        button.click();
        const animationsAtClick = svg.getAnimations({ subtree: true }).length;
        const dom = (await changed) - start;
        const frame = await new Promise<number>((resolve) => requestAnimationFrame(() => resolve(performance.now() - start)));
        await new Promise((resolve) => requestAnimationFrame(resolve));
        const animations = svg.getAnimations({ subtree: true }).length;
        const wires = [...svg.querySelectorAll<SVGElement>('.motion [data-wire]')].map((e) => e.dataset.wire);
        // Straight on: the next step cancels what is left and plays its own.
        button.click();
        await new Promise((resolve) => requestAnimationFrame(() => requestAnimationFrame(resolve)));
        const next = [...svg.querySelectorAll<SVGElement>('.motion [data-wire]')].map((e) => e.dataset.wire);
        // And it ends: no animation is left within 600 ms (looked at every frame, not after a fixed wait).
        const deadline = performance.now() + 600;
        while (svg.getAnimations({ subtree: true }).length > 0 && performance.now() < deadline) await new Promise((resolve) => requestAnimationFrame(resolve));
        return { dom, frame, animationsAtClick, animations, wires, next, after: svg.getAnimations({ subtree: true }).length };
      });
      console.log(`${path}: click → numbers ${timing.dom.toFixed(1)} ms, next frame ${timing.frame.toFixed(1)} ms; ${timing.animations} animations`);
      expect(timing.dom).toBeLessThanOrEqual(timing.frame);
      expect(timing.animationsAtClick).toBe(0);
      expect(timing.animations).toBeGreaterThan(0);
      expect(timing.next.length).toBeGreaterThan(0);
      expect(timing.next).not.toEqual(timing.wires);
      expect(timing.after).toBe(0);
      // One more step, frozen mid-way, to look at: dots on the wires, rows lighting.
      await page.evaluate(async () => {
        document.querySelector<HTMLButtonElement>('button[aria-label="Step forward"]')!.click();
        const svg = document.querySelector('.unrolled svg')!;
        for (let k = 0; k < 10 && svg.getAnimations({ subtree: true }).length === 0; k++) await new Promise((resolve) => requestAnimationFrame(resolve));
        svg.getAnimations({ subtree: true }).forEach((a) => a.pause());
      });
      for (const at of [60, 150, 250]) {
        await page.evaluate((ms) => document.querySelector('.unrolled svg')!.getAnimations({ subtree: true }).forEach((a) => { a.pause(); a.currentTime = ms; }), at);
        await page.locator('.unrolled').screenshot({ path: `${ARTIFACTS}/steppers-motion-${path.includes('Bptt') ? 'bptt' : 'cell'}-${at}ms.png` });
      }
      expect(errors).toEqual([]);
      await page.context().close();
    }
  });
});

describe('a long, wide unroll', () => {
  it.each([1280, 375])('stays readable at hidden 8 × 10 steps and keeps the active step in view (%i px)', async (width) => {
    const { page, errors } = await openPage(browser(), '/figures/CellStepper?hiddenSize=8&seqLength=10', { width, height: 900 });
    await widgetsReady(page);
    for (const steps of [1, 6, 3]) {
      await stepForward(page, steps);
      const view = await page.evaluate(() => {
        const box = document.querySelector('.unrolled-scroll')!.getBoundingClientRect();
        const cell = document.querySelector('.unrolled .step.active .cell')!.getBoundingClientRect();
        const chip = document.querySelector('.unrolled .step.active [data-wire^="h-"] .chip-frame')!.getBoundingClientRect();
        const label = document.querySelector('.unrolled .step.active .wire-label')!.getBoundingClientRect();
        return { box: [box.left, box.right], cell: [cell.left, cell.right, cell.width], chip: chip.height, label: label.height };
      });
      expect(view.cell[2], 'cell width').toBeGreaterThanOrEqual(90);
      expect(view.chip, 'h chip height').toBeGreaterThanOrEqual(50);
      expect(view.label, 'label height').toBeGreaterThanOrEqual(10);
      if (width > 400) expect(view.cell[0] >= view.box[0] - 1 && view.cell[1] <= view.box[1] + 1, `active cell in view: ${view.cell} in ${view.box}`).toBe(true);
      else expect(view.cell[1] > view.box[0] && view.cell[0] < view.box[1], `active cell in view: ${view.cell} in ${view.box}`).toBe(true);
    }
    // One scroll box: the picture scrolls, nothing around it does, and the page does not.
    const nested = await page.evaluate(() => {
      const scrolling: string[] = [];
      for (let e = document.querySelector('.unrolled-scroll')!.parentElement; e; e = e.parentElement) if (e.scrollWidth > e.clientWidth + 1 && e !== document.documentElement && e !== document.body) scrolling.push(e.className);
      return { scrolling, page: document.documentElement.scrollWidth };
    });
    expect(nested.scrolling).toEqual([]);
    expect(nested.page).toBeLessThanOrEqual(width);
    await page.screenshot({ path: `${ARTIFACTS}/steppers-wide-${width}.png`, fullPage: true });
    expect(errors).toEqual([]);
    await page.context().close();
  });
});

describe('looks', () => {
  // Each stepper in one view with a term lit (figures.test.ts checks every figure unlit in light and dark,
  // and at 375 px): together the three views, once each.
  const FIGURES = [
    ['cell', '/figures/CellStepper?kind=LSTM', 'cell-equations', 'c_prev', 'light', 1280, false],
    ['bptt', '/figures/BpttStepper?kind=GRU', 'bptt-equations', 'dfut', 'dark', 1280, true],
    ['worked', '/figures/WorkedExample', 'example-equations', 'h_prev', 'phone', 375, false],
  ] as const;

  it.each(FIGURES)('%s stepper: axe finds nothing serious with a term lit', async (name, path, testId, term, view, width, dark) => {
    // Tall enough that nothing scrolls: the pointer stays on the lit term for the screenshot.
    const { page, errors } = await openPage(browser(), path, { width, height: 2600 });
    await widgetsReady(page);
    if (dark) await page.getByRole('button', { name: /theme|dark/i }).click();
    await stepForward(page, 2);
    await expect.poll(() => page.getByTestId(testId).locator(`[data-term~="${term}"]`).count()).toBeGreaterThan(0);
    await hoverTerm(page, testId, term);
    expect(await page.locator('.unrolled .lit').count(), `${term} lights a wire`).toBeGreaterThan(0);
    expect(await seriousViolations(page), `${name} ${view}`).toEqual([]);
    await page.locator('.widget').screenshot({ path: `${ARTIFACTS}/steppers-${name}-${view}.png` });
    expect(errors).toEqual([]);
    await page.context().close();
  });
});
